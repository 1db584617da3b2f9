import { describe, expect, it } from 'vitest';
import { FLOOR_BITS_PER_PIXEL, planFit } from '../../src/video/fitPlan.js';

const MiB = 1024 * 1024;
const message = { partBytes: 10 * MiB, maxParts: 10, totalBytes: 25 * MiB };
const story720 = { durationSeconds: 168, width: 1280, height: 720, fps: 24, hasAudio: true };
const shot4k = { durationSeconds: 8, width: 3840, height: 2160, fps: 24, hasAudio: true };

describe('the plan of a copy that fits', () => {
  it('keeps an 8-second 4k shot in one file, stepping down to where the bits per pixel suffice', () => {
    const plan = planFit(shot4k, message)!;
    expect(plan).toMatchObject({ parts: 1, width: 2560, height: 1440, audioKbps: 96 });
    expect(plan.targetBytes).toBeLessThan(10 * MiB);
  });

  it('splits a 168-second story that no watchable single file holds into parts, each aimed under the limit', () => {
    const plan = planFit(story720, message)!;
    expect(plan.parts).toBe(2);
    expect(plan.height).toBeGreaterThanOrEqual(480);
    expect(plan.width / plan.height).toBeCloseTo(16 / 9, 1);
    expect(plan.targetBytes * plan.parts).toBeLessThanOrEqual(25 * MiB);
    expect((plan.videoKbps * 1000) / (plan.width * plan.height * 24)).toBeGreaterThanOrEqual(FLOOR_BITS_PER_PIXEL);
  });

  it('keeps a portrait video portrait', () => {
    const plan = planFit({ ...shot4k, width: 2160, height: 3840 }, message)!;
    expect(plan.height).toBeGreaterThan(plan.width);
    expect(plan.width).toBe(1440);
  });

  it('finds none when even ten parts would be below the floor', () => {
    expect(planFit({ ...story720, durationSeconds: 3600 }, message)).toBeUndefined();
  });
});
