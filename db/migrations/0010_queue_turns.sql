CREATE TABLE `queue_member_turns` (
	`lane` text NOT NULL,
	`guild_id` text NOT NULL,
	`last_user_id` text NOT NULL,
	PRIMARY KEY(`lane`, `guild_id`)
);
--> statement-breakpoint
CREATE TABLE `queue_turns` (
	`lane` text PRIMARY KEY NOT NULL,
	`last_guild_id` text NOT NULL
);
