import { time, TimestampStyles } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';

/** How English messages write numbers, amounts, periods and times. */
export const number = (n: number) => n.toLocaleString('en-US');
export const credits = (n: number) => `${number(n)} credit${n === 1 ? '' : 's'}`;
export const thisPeriod = (period: Period) => (period === 'day' ? 'today' : `this ${period}`);
export const perPeriod = (n: number, period: Period) => `${credits(n)} per ${period}`;
export const limitText = (remaining: number | null) => (remaining === null ? 'no limit' : credits(remaining));
/** Discord timestamps are shown in each reader's own time zone and language. */
export const relative = (at: Date) => time(at, TimestampStyles.RelativeTime);
export const dateTime = (at: Date) => time(at, TimestampStyles.ShortDateTime);

export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
