import type { Period } from '../../../domain/quota/periods.js';
import { minutesAndSeconds, numberFormat } from '../numbers.js';
import { pluralFor } from '../plural.js';

export { dateTime, relative } from '../timestamps.js';

/** How German messages write numbers, amounts, periods and times. */
export const { number, megabytes } = numberFormat('de-DE');
export const plural = pluralFor('de');
export const credits = (n: number) => `${number(n)} ${plural(n, { one: 'Credit', other: 'Credits' })}`;
export const periodNoun: Record<Period, string> = { day: 'Tag', week: 'Woche', month: 'Monat' };
export const thisPeriod = (period: Period) => ({ day: 'heute', week: 'diese Woche', month: 'diesen Monat' })[period];
export const forThisPeriod = (period: Period) => ({ day: 'für heute', week: 'für diese Woche', month: 'für diesen Monat' })[period];
export const perPeriod = (n: number, period: Period) => `${credits(n)} pro ${periodNoun[period]}`;
export const limitText = (remaining: number | null) => (remaining === null ? 'kein Limit' : credits(remaining));

export function duration(seconds: number): string {
  const { minutes, rest } = minutesAndSeconds(seconds);
  return minutes > 0 ? `${minutes} Min. ${rest} Sek.` : `${rest} Sek.`;
}
