CREATE TABLE `generations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`user_id` text NOT NULL,
	`interaction_id` text,
	`reply_message_id` text,
	`prompt` text NOT NULL,
	`mode` text NOT NULL,
	`aspect_ratio` text NOT NULL,
	`resolution` text NOT NULL,
	`image_urls` text NOT NULL,
	`credits` integer NOT NULL,
	`credits_used` integer,
	`state` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`video_url` text,
	`created_at` integer NOT NULL,
	`submitted_at` integer,
	`expected_at` integer,
	`finished_at` integer,
	`next_poll_at` integer,
	`poll_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`delivered_revision` integer DEFAULT 0 NOT NULL,
	`delivery_attempts` integer DEFAULT 0 NOT NULL,
	`next_delivery_at` integer
);
--> statement-breakpoint
CREATE INDEX `generations_member_idx` ON `generations` (`guild_id`,`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `generations_state_idx` ON `generations` (`state`,`next_poll_at`);--> statement-breakpoint
CREATE INDEX `generations_delivery_idx` ON `generations` (`delivered_revision`,`revision`);--> statement-breakpoint
CREATE TABLE `shots` (
	`id` text PRIMARY KEY NOT NULL,
	`generation_id` integer NOT NULL,
	`position` integer NOT NULL,
	`prompt` text NOT NULL,
	`task_id` text,
	`state` text NOT NULL,
	`video_url` text,
	`error` text,
	`generation_seconds` integer,
	`finished_at` integer,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shots_generation_idx` ON `shots` (`generation_id`,`position`);