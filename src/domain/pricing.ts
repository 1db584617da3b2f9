import type { Resolution } from '../veo/types.js';

/** The vendor's price list: credits per 8-second shot, and how many shots a request may have. */
const priceList: Record<Resolution, { perShot: number; maxShots: number }> = {
  '720p': { perShot: 10, maxShots: 21 },
  '1080p': { perShot: 14, maxShots: 1 },
  '4k': { perShot: 30, maxShots: 1 },
};

export const SHOT_SECONDS = 8;

export function shotPrice(resolution: Resolution): number {
  return priceList[resolution].perShot;
}

export function maxShots(resolution: Resolution): number {
  return priceList[resolution].maxShots;
}

export function priceOf(resolution: Resolution, shotCount: number): number {
  return shotPrice(resolution) * shotCount;
}
