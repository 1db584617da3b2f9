CREATE TABLE `blocklist_entries` (
	`guild_id` text NOT NULL,
	`entry` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `entry`)
);
--> statement-breakpoint
CREATE TABLE `blocklist_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`builtin` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `generations` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `generations` ADD `erased_because` text;--> statement-breakpoint
CREATE INDEX `generations_removed_unerased_idx` ON `generations` (`removed_at`) WHERE "generations"."removed_at" is not null and "generations"."erased_at" is null;