CREATE TABLE `approvals` (
	`generation_id` integer PRIMARY KEY NOT NULL,
	`guild_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`state` text NOT NULL,
	`message_id` text,
	`decider_id` text,
	`reason` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`decided_at` integer,
	`revision` integer DEFAULT 1 NOT NULL,
	`shown_revision` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_state_idx` ON `approvals` (`state`,`expires_at`);--> statement-breakpoint
CREATE INDEX `approvals_shown_idx` ON `approvals` (`shown_revision`,`revision`);--> statement-breakpoint
CREATE TABLE `log_posts` (
	`generation_id` integer PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`message_id` text,
	`posted_at` integer NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`shown_revision` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `log_posts_shown_idx` ON `log_posts` (`shown_revision`,`revision`);--> statement-breakpoint
CREATE TABLE `moderation_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`approval_channel_id` text,
	`approval_role_id` text,
	`approval_problem` text,
	`log_channel_id` text,
	`log_since` integer,
	`log_problem` text,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
