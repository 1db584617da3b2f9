CREATE TABLE `api_pause` (
	`id` integer PRIMARY KEY NOT NULL,
	`until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `api_requests_sent_at` ON `api_requests` (`sent_at`);--> statement-breakpoint
ALTER TABLE `generations` ADD `queue_position` integer;