DROP TABLE `api_pause`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_credit_ledger` (
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
	CONSTRAINT "credit_ledger_generation" CHECK(("__new_credit_ledger"."kind" = 'adjust') = ("__new_credit_ledger"."generation_id" is null)),
	CONSTRAINT "credit_ledger_sign" CHECK(("__new_credit_ledger"."kind" = 'reserve' and "__new_credit_ledger"."credits" > 0) or ("__new_credit_ledger"."kind" = 'settle')
        or ("__new_credit_ledger"."kind" in ('refund', 'release') and "__new_credit_ledger"."credits" < 0) or ("__new_credit_ledger"."kind" = 'adjust' and "__new_credit_ledger"."credits" <> 0)
        or ("__new_credit_ledger"."kind" in ('unknown', 'unpolled') and "__new_credit_ledger"."credits" > 0))
);
--> statement-breakpoint
INSERT INTO `__new_credit_ledger`("id", "guild_id", "user_id", "generation_id", "kind", "credits", "period_key", "counts_at", "reason", "actor_id", "created_at") SELECT "id", "guild_id", "user_id", "generation_id", "kind", "credits", "period_key", "counts_at", "reason", "actor_id", "created_at" FROM `credit_ledger`;--> statement-breakpoint
DROP TABLE `credit_ledger`;--> statement-breakpoint
ALTER TABLE `__new_credit_ledger` RENAME TO `credit_ledger`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `credit_ledger_charged_idx` ON `credit_ledger` (`kind`,`counts_at`,`credits`);--> statement-breakpoint
CREATE INDEX `credit_ledger_member_idx` ON `credit_ledger` (`guild_id`,`user_id`,`kind`,`counts_at`,`credits`);--> statement-breakpoint
CREATE INDEX `credit_ledger_kind_idx` ON `credit_ledger` (`guild_id`,`kind`,`counts_at`,`credits`);--> statement-breakpoint
CREATE INDEX `credit_ledger_generation_idx` ON `credit_ledger` (`generation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_reserve_uq` ON `credit_ledger` (`generation_id`) WHERE "credit_ledger"."kind" = 'reserve';--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_close_uq` ON `credit_ledger` (`generation_id`) WHERE "credit_ledger"."kind" in ('settle', 'release');--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_unknown_uq` ON `credit_ledger` (`generation_id`) WHERE "credit_ledger"."kind" = 'unknown';--> statement-breakpoint
CREATE UNIQUE INDEX `credit_ledger_unpolled_uq` ON `credit_ledger` (`generation_id`) WHERE "credit_ledger"."kind" = 'unpolled';--> statement-breakpoint
ALTER TABLE `api_requests` ADD `key_fingerprint` text;--> statement-breakpoint
CREATE INDEX `api_requests_key_sent_at` ON `api_requests` (`key_fingerprint`,`sent_at`);--> statement-breakpoint
ALTER TABLE `generations` ADD `key_fingerprint` text;--> statement-breakpoint
ALTER TABLE `api_key_state` ADD `account_empty_at` integer;--> statement-breakpoint
ALTER TABLE `api_key_state` ADD `account_retry_at` integer;--> statement-breakpoint
ALTER TABLE `api_key_state` ADD `account_empty_notified` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `api_key_state` ADD `rate_limited_until` integer;--> statement-breakpoint
ALTER TABLE `operator_state` DROP COLUMN `account_empty_at`;--> statement-breakpoint
ALTER TABLE `operator_state` DROP COLUMN `account_retry_at`;--> statement-breakpoint
ALTER TABLE `operator_state` DROP COLUMN `account_empty_notified`;