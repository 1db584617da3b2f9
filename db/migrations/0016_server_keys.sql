CREATE TABLE `key_encryption_check` (
	`id` integer PRIMARY KEY NOT NULL,
	`iv` text NOT NULL,
	`ciphertext` text NOT NULL,
	`tag` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `server_api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`key_fingerprint` text NOT NULL,
	`iv` text NOT NULL,
	`ciphertext` text NOT NULL,
	`tag` text NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL,
	`removed_at` integer,
	`refused_at` integer,
	`empty_at` integer,
	`empty_notified` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `server_api_keys_in_use_uq` ON `server_api_keys` (`guild_id`) WHERE "server_api_keys"."removed_at" is null;--> statement-breakpoint
CREATE INDEX `server_api_keys_fingerprint_idx` ON `server_api_keys` (`key_fingerprint`);--> statement-breakpoint
DROP INDEX `credit_ledger_charged_idx`;--> statement-breakpoint
DROP INDEX `credit_ledger_kind_idx`;--> statement-breakpoint
ALTER TABLE `credit_ledger` ADD `payer` text DEFAULT 'operator' NOT NULL;--> statement-breakpoint
CREATE INDEX `credit_ledger_charged_idx` ON `credit_ledger` (`kind`,`counts_at`,`payer`,`credits`);--> statement-breakpoint
CREATE INDEX `credit_ledger_kind_idx` ON `credit_ledger` (`guild_id`,`kind`,`counts_at`,`payer`,`credits`);