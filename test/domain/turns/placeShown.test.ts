import { describe, expect, it } from 'vitest';
import { placeWorthShowing } from '../../../src/domain/turns/placeShown.js';

describe('placeWorthShowing', () => {
  it('edits a reply for its first place, a halved one, the top three and a more than doubled one, and not for small moves', () => {
    expect(placeWorthShowing(null, 40)).toBe(true);
    expect(placeWorthShowing(40, 40)).toBe(false);
    expect(placeWorthShowing(40, 39)).toBe(false);
    expect(placeWorthShowing(40, 20)).toBe(true);
    expect(placeWorthShowing(4, 3)).toBe(true);
    expect(placeWorthShowing(3, 3)).toBe(false);
    expect(placeWorthShowing(40, 80)).toBe(false);
    expect(placeWorthShowing(40, 81)).toBe(true);
    expect(placeWorthShowing(1, 2)).toBe(true);
    expect(placeWorthShowing(1, 3)).toBe(true);
    expect(placeWorthShowing(5, 10)).toBe(false);
    expect(placeWorthShowing(5, 11)).toBe(true);
  });
});
