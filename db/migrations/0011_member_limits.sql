CREATE TABLE `guild_member_limits` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`active_limit` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "guild_member_limits_active_limit" CHECK("guild_member_limits"."active_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE `member_cooldown_clears` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`cleared_at` integer NOT NULL,
	`cleared_by` text NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
ALTER TABLE `generations` ADD `request_key` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `cancelled_by` text;--> statement-breakpoint
CREATE INDEX `generations_member_state_idx` ON `generations` (`guild_id`,`user_id`,`state`);--> statement-breakpoint
CREATE INDEX `generations_finished_idx` ON `generations` (`finished_at`);