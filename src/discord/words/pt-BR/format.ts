import type { Period } from '../../../domain/quota/periods.js';
import { minutesAndSeconds, numberFormat } from '../numbers.js';
import { pluralFor } from '../plural.js';

export { dateTime, relative } from '../timestamps.js';

/** How Brazilian Portuguese messages write numbers, amounts, periods and times. */
export const { number, megabytes } = numberFormat('pt-BR');
export const plural = pluralFor('pt-BR');
export const credits = (n: number) => `${number(n)} ${plural(n, { one: 'crédito', many: 'de créditos', other: 'créditos' })}`;
export const periodNoun: Record<Period, string> = { day: 'dia', week: 'semana', month: 'mês' };
export const thisPeriod = (period: Period) => ({ day: 'hoje', week: 'nesta semana', month: 'neste mês' })[period];
export const perPeriod = (n: number, period: Period) => `${credits(n)} por ${periodNoun[period]}`;
export const limitText = (remaining: number | null) => (remaining === null ? 'sem limite' : credits(remaining));

export function duration(seconds: number): string {
  const { minutes, rest } = minutesAndSeconds(seconds);
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
