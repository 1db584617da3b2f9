import type { FitRoom } from '../domain/ports.js';

/**
 * How a copy that fits is made: the parts, and each part's size and bitrates. Pure arithmetic,
 * so that the choice can be read and tested without ffmpeg.
 */

export interface FitSource {
  durationSeconds: number;
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
}

export interface FitPlan {
  parts: number;
  /** Each part's length; the last may be shorter. */
  partSeconds: number;
  width: number;
  height: number;
  videoKbps: number;
  audioKbps: number;
  /** What each part is aimed at; the limit is above it by the margin. */
  targetBytes: number;
}

/** A copy aims at this share of the room, so that the encoder's drift and the container stay under it. */
export const SIZE_MARGIN = 0.9;
/** The MP4 container's boxes per second of video, on top of the streams. */
const CONTAINER_BYTES_PER_SECOND = 1_500;
const CONTAINER_BYTES = 16 * 1024;
export const AUDIO_KBPS = 96;
/** Heights (of the short side) a copy steps down through, largest first. */
export const SHORT_SIDES = [2160, 1440, 1080, 720, 540, 480] as const;
/** Bits per pixel a copy aims for; below it the next smaller size is tried. */
export const GOOD_BITS_PER_PIXEL = 0.08;
/**
 * The floor of a watchable copy: 480p (the short side) at 0.05 bits per pixel, which is
 * 854×480 at 24 fps and about 500 kbit/s of video. Below it a story goes in parts.
 */
export const FLOOR_SHORT_SIDE = 480;
export const FLOOR_BITS_PER_PIXEL = 0.05;
/** No copy needs more than this; a larger budget is left unspent. */
const MAX_BITS_PER_PIXEL = 0.2;

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

/** The size of a copy whose short side is `short`, in the source's aspect ratio. */
function sizeAt(source: FitSource, short: number): { width: number; height: number } {
  const portrait = source.height > source.width;
  const scale = short / Math.min(source.width, source.height);
  const long = even(Math.max(source.width, source.height) * scale);
  return portrait ? { width: even(short), height: long } : { width: long, height: even(short) };
}

/** The short sides to try, the source's own first when it is smaller than the ladder's top. */
function shortSides(source: FitSource): number[] {
  const own = Math.min(source.width, source.height);
  const below = SHORT_SIDES.filter((side) => side < own);
  return [own, ...below];
}

function planParts(source: FitSource, room: FitRoom, parts: number): FitPlan | undefined {
  const partSeconds = source.durationSeconds / parts;
  const perPart = Math.min(room.partBytes, room.totalBytes / parts);
  const targetBytes = Math.floor(perPart * SIZE_MARGIN);
  const streamBytes = targetBytes - CONTAINER_BYTES - CONTAINER_BYTES_PER_SECOND * partSeconds;
  const audioKbps = source.hasAudio ? AUDIO_KBPS : 0;
  const videoKbps = Math.floor((streamBytes * 8) / partSeconds / 1000 - audioKbps);
  if (videoKbps <= 0) return undefined;
  const bitsPerPixel = (size: { width: number; height: number }) => (videoKbps * 1000) / (size.width * size.height * source.fps);
  const sides = shortSides(source);
  const floorSide = Math.min(FLOOR_SHORT_SIDE, Math.min(source.width, source.height));
  for (const side of sides) {
    const size = sizeAt(source, side);
    if (bitsPerPixel(size) >= GOOD_BITS_PER_PIXEL) return finish(size);
  }
  // Nothing reaches the aim: the smallest size allowed, if it is still watchable there.
  const smallest = sizeAt(source, Math.max(floorSide, sides.at(-1) ?? floorSide));
  return bitsPerPixel(smallest) >= FLOOR_BITS_PER_PIXEL ? finish(smallest) : undefined;

  function finish(size: { width: number; height: number }): FitPlan {
    const capped = Math.min(videoKbps, Math.floor((MAX_BITS_PER_PIXEL * size.width * size.height * source.fps) / 1000));
    return { parts, partSeconds, ...size, videoKbps: capped, audioKbps, targetBytes };
  }
}

/** The fewest parts that give a watchable copy within the room; undefined when none does. */
export function planFit(source: FitSource, room: FitRoom): FitPlan | undefined {
  for (let parts = 1; parts <= room.maxParts; parts += 1) {
    const plan = planParts(source, room, parts);
    if (plan) return plan;
  }
  return undefined;
}
