import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalVideo } from '../../src/domain/videoFiles.js';
import { ffmpeg, FfmpegError, type FfmpegBinary } from '../../src/video/ffmpegProcess.js';
import { locateFfmpeg } from '../../src/video/ffmpegLocator.js';
import { createFfmpegTranscoder } from '../../src/video/ffmpegTranscoder.js';
import { playedSeconds, probe } from '../../src/video/probe.js';

// No skipping: the optional dependency ships an ffmpeg, so a machine without one is a failure here.
let binary: FfmpegBinary;
let folder: string;
const signal = new AbortController().signal;

/** A small real video made by ffmpeg itself: `source` for the picture, a sine tone for the sound. */
async function makeVideo(name: string, source: string, seconds: number, extra: string[] = []): Promise<LocalVideo> {
  const path = join(folder, name);
  await ffmpeg(binary, [
    '-f', 'lavfi', '-i', source,
    '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-t', String(seconds), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', ...extra, '-c:a', 'aac', path,
  ]);
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
  return { path, size, content: new Blob([]), dispose: async () => rmSync(path, { force: true }) };
}

beforeAll(async () => {
  const found = await locateFfmpeg({ configured: undefined });
  if (!found) throw new Error('no ffmpeg: the optional dependency @ffmpeg-installer/ffmpeg should have provided one');
  binary = { path: found.path, timeoutMs: 60_000 };
  folder = mkdtempSync(join(tmpdir(), 'veo-transcode-'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('ffmpeg copies, frames and joins, for real', () => {
  it('brings a video padded past the limit under it, playing as long as the original', async () => {
    // Lossless noise: far larger than the picture needs.
    const original = await makeVideo('noisy.mp4', 'testsrc=size=192x108:rate=24,noise=alls=40:allf=t', 2, ['-qp', '0']);
    const limit = 80 * 1024;
    expect(original.size).toBeGreaterThan(limit);
    const transcoder = createFfmpegTranscoder({ binary, directory: join(folder, 'work'), concurrency: 1 });
    const copy = await transcoder.fit(original, { partBytes: limit, maxParts: 10, totalBytes: 25 * 1024 * 1024 }, signal);
    expect(copy).toHaveLength(1);
    const [only] = copy!;
    expect(only!.size).toBeLessThanOrEqual(limit);
    expect(Math.abs((await playedSeconds(binary, only!.path)) - 2)).toBeLessThan(0.1);
    const facts = await probe(binary, only!.path);
    expect(facts).toMatchObject({ width: 192, height: 108, hasAudio: true });
    await only!.dispose();
    // Nothing of the two passes is left behind.
    expect(await readdir(join(folder, 'work'))).toEqual([]);
    await transcoder.close();
  });

  it('cuts a video that no watchable single copy fits into parts in order, each under the limit', async () => {
    const original = await makeVideo('long.mp4', 'testsrc=size=320x180:rate=24', 4, ['-qp', '0']);
    const limit = 60 * 1024;
    const transcoder = createFfmpegTranscoder({ binary, directory: join(folder, 'parts'), concurrency: 1 });
    const parts = (await transcoder.fit(original, { partBytes: limit, maxParts: 10, totalBytes: 25 * 1024 * 1024 }, signal))!;
    expect(parts.length).toBeGreaterThan(1);
    let played = 0;
    for (const part of parts) {
      expect(part.size).toBeLessThanOrEqual(limit);
      played += await playedSeconds(binary, part.path);
    }
    expect(Math.abs(played - 4)).toBeLessThan(0.2);
    await transcoder.close();
  });

  it('takes the last frame as a PNG of that frame: a video that ends red gives a red picture', async () => {
    const blueThenRed = await makeVideo('ends-red.mp4', 'color=c=blue:size=64x36:rate=24:duration=1[b];color=c=red:size=64x36:rate=24:duration=1[r];[b][r]concat=n=2:v=1:a=0', 2);
    const transcoder = createFfmpegTranscoder({ binary, directory: join(folder, 'frames'), concurrency: 1 });
    const frame = await transcoder.lastFrame(blueThenRed, signal);
    expect(readFileSync(frame.path).subarray(1, 4).toString()).toBe('PNG');
    const pixel = join(folder, 'pixel.rgb');
    await ffmpeg(binary, ['-i', frame.path, '-vf', 'scale=1:1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', pixel]);
    const [red, green, blue] = readFileSync(pixel);
    expect(red).toBeGreaterThan(200);
    expect(green).toBeLessThan(40);
    expect(blue).toBeLessThan(40);
    await transcoder.close();
  });

  it('reads an input only as an MP4: a playlist posing as one is refused, not followed to another local file', async () => {
    const segment = join(folder, 'elsewhere.ts');
    await ffmpeg(binary, ['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=24', '-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mpegts', segment]);
    const posing = join(folder, 'posing.mp4');
    writeFileSync(posing, `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n${segment}\n#EXT-X-ENDLIST\n`);
    await expect(probe(binary, posing)).rejects.toThrow(FfmpegError);
    await expect(playedSeconds(binary, posing)).rejects.toThrow(FfmpegError);
  });

  it('joins a video and its extension into one that plays for both', async () => {
    const first = await makeVideo('first.mp4', 'testsrc=size=160x90:rate=24', 1);
    const second = await makeVideo('second.mp4', 'color=c=green:size=160x90:rate=24', 1);
    const transcoder = createFfmpegTranscoder({ binary, directory: join(folder, 'joins'), concurrency: 1 });
    const joined = await transcoder.join(first, second, signal);
    expect(Math.abs((await playedSeconds(binary, joined.path)) - 2)).toBeLessThan(0.1);
    expect(await probe(binary, joined.path)).toMatchObject({ width: 160, height: 90, hasAudio: true });
    await transcoder.close();
  });
});
