ALTER TABLE `generations` ADD `locale` text;--> statement-breakpoint
ALTER TABLE `generations` ADD `guild_locale` text;--> statement-breakpoint
ALTER TABLE `generations` DROP COLUMN `error_message`;