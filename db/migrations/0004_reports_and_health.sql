CREATE TABLE `health_probe` (
	`id` integer PRIMARY KEY NOT NULL,
	`checked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credit_ledger_kind_idx` ON `credit_ledger` (`guild_id`,`kind`,`counts_at`,`credits`);