import type { Period } from '../../../domain/quota/periods.js';
import { minutesAndSeconds, numberFormat } from '../numbers.js';
import { pluralFor } from '../plural.js';

export { dateTime, relative } from '../timestamps.js';

/** How English messages write numbers, amounts, periods and times. */
export const { number, megabytes } = numberFormat('en-US');
export const plural = pluralFor('en');
export const credits = (n: number) => `${number(n)} ${plural(n, { one: 'credit', other: 'credits' })}`;
export const thisPeriod = (period: Period) => (period === 'day' ? 'today' : `this ${period}`);
export const perPeriod = (n: number, period: Period) => `${credits(n)} per ${period}`;
export const limitText = (remaining: number | null) => (remaining === null ? 'no limit' : credits(remaining));

export function duration(seconds: number): string {
  const { minutes, rest } = minutesAndSeconds(seconds);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
