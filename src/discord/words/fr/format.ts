import type { Period } from '../../../domain/quota/periods.js';
import { minutesAndSeconds, numberFormat } from '../numbers.js';
import { pluralFor } from '../plural.js';

export { dateTime, relative } from '../timestamps.js';

/** How French messages write numbers, amounts, periods and times. */
export const { number, megabytes } = numberFormat('fr-FR');
export const plural = pluralFor('fr');
export const credits = (n: number) => `${number(n)} ${plural(n, { one: 'crédit', many: 'de crédits', other: 'crédits' })}`;
export const periodNoun: Record<Period, string> = { day: 'jour', week: 'semaine', month: 'mois' };
export const thisPeriod = (period: Period) => ({ day: 'aujourd’hui', week: 'cette semaine', month: 'ce mois-ci' })[period];
export const perPeriod = (n: number, period: Period) => `${credits(n)} par ${periodNoun[period]}`;
export const limitText = (remaining: number | null) => (remaining === null ? 'aucune limite' : credits(remaining));

export function duration(seconds: number): string {
  const { minutes, rest } = minutesAndSeconds(seconds);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
