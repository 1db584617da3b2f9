import type { Period } from '../../../domain/quota/periods.js';
import { minutesAndSeconds, numberFormat } from '../numbers.js';
import { pluralFor } from '../plural.js';

export { dateTime, relative } from '../timestamps.js';

/** How Spanish messages write numbers, amounts, periods and times. */
export const { number, megabytes } = numberFormat('es-ES');
export const plural = pluralFor('es');
export const credits = (n: number) => `${number(n)} ${plural(n, { one: 'crédito', many: 'de créditos', other: 'créditos' })}`;
export const periodNoun: Record<Period, string> = { day: 'día', week: 'semana', month: 'mes' };
export const thisPeriod = (period: Period) => ({ day: 'hoy', week: 'esta semana', month: 'este mes' })[period];
export const perPeriod = (n: number, period: Period) => `${credits(n)} por ${periodNoun[period]}`;
export const limitText = (remaining: number | null) => (remaining === null ? 'sin límite' : credits(remaining));

export function duration(seconds: number): string {
  const { minutes, rest } = minutesAndSeconds(seconds);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
