ALTER TABLE `generations` ADD `attachment_size_limit` integer;--> statement-breakpoint
ALTER TABLE `generations` ADD `file_fallback` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `file_attempts` integer DEFAULT 0 NOT NULL;