CREATE TABLE `operator_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`global_budget_set` integer DEFAULT false NOT NULL,
	`global_budget` integer,
	`global_period` text,
	`paused` integer DEFAULT false NOT NULL,
	`account_empty_at` integer,
	`account_retry_at` integer,
	`account_empty_notified` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer
);
--> statement-breakpoint
CREATE TABLE `server_access` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`allowed` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `server_ceilings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`ceiling` integer,
	`period` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `generations` ADD `wait_reason` text;--> statement-breakpoint
CREATE INDEX `credit_ledger_charged_idx` ON `credit_ledger` (`kind`,`counts_at`,`credits`);