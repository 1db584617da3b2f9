import type { Resolution } from '../veo/types.js';
import type { Generation } from './generation.js';

/** How one `check-status` request is filled: by resolution, by shot count, with riders. */

export const shotsIn = (group: Generation[]) => group.reduce((n, g) => n + g.shots.length, 0);

/**
 * A request that goes out anyway can ask about other running generations at no extra cost: those
 * of the same resolution that could be ready already ride along, as far as the batch has room.
 */
export function fillWithRiders(batch: Generation[], riders: Generation[], size: number): Generation[] {
  const filled = [...batch];
  for (let i = 0; i < riders.length; ) {
    const rider = riders[i]!;
    if (rider.resolution === batch[0]?.resolution && shotsIn(filled) + rider.shots.length <= size) {
      filled.push(rider);
      riders.splice(i, 1);
    } else {
      i += 1;
    }
  }
  return filled;
}

/** Two requests of about half the generations each. */
export function halves(batch: Generation[]): Generation[][] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}

/** Groups generations by resolution into requests of at most `size` shots, never splitting one. */
export function batches(generations: Generation[], size: number): Generation[][] {
  const byResolution = new Map<Resolution, Generation[][]>();
  for (const generation of generations) {
    const groups = byResolution.get(generation.resolution) ?? [[]];
    byResolution.set(generation.resolution, groups);
    let current = groups[groups.length - 1]!;
    if (current.length > 0 && shotsIn(current) + generation.shots.length > size) {
      current = [];
      groups.push(current);
    }
    current.push(generation);
  }
  return [...byResolution.values()].flat();
}
