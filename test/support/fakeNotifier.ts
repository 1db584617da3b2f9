import type { Notifier } from '../../src/domain/ports.js';

/** A notifier whose Discord takes every file: a delivery with files shows the message as `deliver` does. */
export function notifierOf(deliver: Notifier['deliver']): Notifier {
  return { deliver, deliverFiles: (generation) => deliver(generation) };
}
