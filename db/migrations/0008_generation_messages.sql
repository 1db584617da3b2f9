CREATE TABLE `generation_messages` (
	`message_id` text PRIMARY KEY NOT NULL,
	`generation_id` integer NOT NULL,
	`channel_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE no action
);
