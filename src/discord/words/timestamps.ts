import { time, TimestampStyles } from 'discord.js';

/** Discord timestamps: every reader sees them in their own time zone and language, so all locales share them. */
export const relative = (at: Date) => time(at, TimestampStyles.RelativeTime);
export const dateTime = (at: Date) => time(at, TimestampStyles.ShortDateTime);
