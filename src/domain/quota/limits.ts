import type { LimitStanding } from './types.js';

/** The global budget, when it is what limits the server (or member) right now; else null. */
export function binding(global: LimitStanding | null, otherwiseLeft: number | null): LimitStanding | null {
  return global && (otherwiseLeft === null || global.remaining <= otherwiseLeft) ? global : null;
}

/** The smallest of the limits that exist; null when none does (unlimited). */
export function smallest(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : Math.min(...present);
}
