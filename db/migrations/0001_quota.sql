CREATE TABLE `credit_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`generation_id` integer,
	`kind` text NOT NULL,
	`credits` integer NOT NULL,
	`period_key` text NOT NULL,
	`counts_at` integer NOT NULL,
	`reason` text,
	`actor_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "credit_ledger_generation" CHECK(("credit_ledger"."kind" = 'adjust') = ("credit_ledger"."generation_id" is null)),
	CONSTRAINT "credit_ledger_sign" CHECK(("credit_ledger"."kind" = 'reserve' and "credit_ledger"."credits" > 0) or ("credit_ledger"."kind" = 'settle')
        or ("credit_ledger"."kind" in ('refund', 'release') and "credit_ledger"."credits" < 0) or ("credit_ledger"."kind" = 'adjust' and "credit_ledger"."credits" <> 0))
);
--> statement-breakpoint
CREATE INDEX `credit_ledger_guild_idx` ON `credit_ledger` (`guild_id`,`counts_at`,`credits`);--> statement-breakpoint
CREATE INDEX `credit_ledger_member_idx` ON `credit_ledger` (`guild_id`,`user_id`,`counts_at`,`credits`);--> statement-breakpoint
CREATE INDEX `credit_ledger_generation_idx` ON `credit_ledger` (`generation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_reserve_uq` ON `credit_ledger` (`generation_id`) WHERE "credit_ledger"."kind" = 'reserve';--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_close_uq` ON `credit_ledger` (`generation_id`) WHERE "credit_ledger"."kind" in ('settle', 'release');--> statement-breakpoint
CREATE TABLE `guild_quota_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`budget` integer,
	`period` text NOT NULL,
	`default_member_cap` integer,
	`confirm_threshold` integer NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_quota_overrides` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`cap` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`),
	CONSTRAINT "member_quota_overrides_cap" CHECK("member_quota_overrides"."cap" >= 0)
);
--> statement-breakpoint
CREATE TABLE `role_quota_allowances` (
	`guild_id` text NOT NULL,
	`role_id` text NOT NULL,
	`allowance` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `role_id`),
	CONSTRAINT "role_quota_allowances_allowance" CHECK("role_quota_allowances"."allowance" > 0)
);
