import type { Clock } from './domain/ports.js';

export type { Clock } from './domain/ports.js';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that moves only when told to: for tests and the simulated benchmark. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | number = Date.UTC(2026, 0, 1)) {
    this.#ms = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  advance(ms: number): void {
    this.#ms += ms;
  }

  set(to: Date | number): void {
    this.#ms = typeof to === 'number' ? to : to.getTime();
  }
}
