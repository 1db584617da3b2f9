import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalVideo } from '../src/domain/videoFiles.js';
import { ffmpeg, type FfmpegBinary } from '../src/video/ffmpegProcess.js';
import { locateFfmpeg } from '../src/video/ffmpegLocator.js';
import { createFfmpegTranscoder } from '../src/video/ffmpegTranscoder.js';
import { playedSeconds, probe } from '../src/video/probe.js';

/**
 * Copies that fit 10 MiB, of an 8-second 4k shot and a 168-second 720p story that ffmpeg makes
 * first (its moving test picture `testsrc2`, near-lossless, with a tone): wall time, CPU
 * time of the ffmpeg runs, this process's RSS while they run (ffmpeg is a child process: the
 * bot's memory must not grow by more than 30 MB), and the copies' sizes and bitrates.
 * `npm run bench:transcode` (CPU-heavy: run it with `nice`).
 */
const MiB = 1024 * 1024;
const ROOM = { partBytes: 10 * MiB, maxParts: 10, totalBytes: 25 * MiB };
const RSS_GROWTH_GOAL_MB = 30;
const TICKS_PER_SECOND = 100;

const cases = [
  { name: '8 s 4k shot', size: '3840x2160', seconds: 8, quantizer: 8 },
  { name: '168 s 720p story', size: '1280x720', seconds: 168, quantizer: 8 },
];

/** CPU seconds of the child processes this one has waited for (ffmpeg), from /proc. */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // cutime and cstime: fields 16 and 17 of the line, 14 and 15 after the command.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

async function makeSource(binary: FfmpegBinary, folder: string, { size, seconds, quantizer }: (typeof cases)[number]): Promise<LocalVideo> {
  const path = join(folder, `source-${size}.mp4`);
  await ffmpeg(binary, [
    ...['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=24`],
    ...['-f', 'lavfi', '-i', 'sine=frequency=330'],
    // Near-lossless, so that the source is far over the limit as the vendor's files are.
    ...['-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', String(quantizer), '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k', path],
  ]);
  return { path, size: statSync(path).size, content: new Blob([]), dispose: async () => rmSync(path, { force: true }) };
}

async function run(): Promise<void> {
  const found = await locateFfmpeg({ configured: process.env.FFMPEG_PATH || undefined });
  if (!found) throw new Error('no ffmpeg found');
  console.log(`ffmpeg ${found.version} (${found.source})`);
  const binary = { path: found.path, timeoutMs: 30 * 60_000 };
  const folder = mkdtempSync(join(tmpdir(), 'veo-bench-transcode-'));
  const transcoder = createFfmpegTranscoder({ binary, directory: join(folder, 'work'), concurrency: 1 });
  let failed = false;
  try {
    for (const bench of cases) {
      const source = await makeSource(binary, folder, bench);
      const facts = await probe(binary, source.path);
      globalThis.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
      const cpuBefore = childCpuSeconds();
      const startedAt = performance.now();
      const parts = await transcoder.fit(source, ROOM, new AbortController().signal);
      const wallSeconds = (performance.now() - startedAt) / 1000;
      clearInterval(sampler);
      const cpuSeconds = childCpuSeconds() - cpuBefore;
      const growthMb = (rssPeak - rssBefore) / MiB;
      console.log(`\n${bench.name}: source ${(source.size / MiB).toFixed(1)} MiB, ${facts.width}x${facts.height}, ${facts.durationSeconds.toFixed(2)} s`);
      if (!parts) {
        console.log('  no watchable copy fits');
        failed = true;
        continue;
      }
      for (const [index, part] of parts.entries()) {
        const played = await playedSeconds(binary, part.path);
        const partFacts = await probe(binary, part.path);
        console.log(
          `  part ${index + 1}/${parts.length}: ${(part.size / MiB).toFixed(2)} MiB, ${partFacts.width}x${partFacts.height}, ${played.toFixed(2)} s, ${Math.round((part.size * 8) / played / 1000)} kbit/s in all`,
        );
        await part.dispose();
      }
      console.log(`  wall ${wallSeconds.toFixed(1)} s, ffmpeg CPU ${cpuSeconds.toFixed(1)} s, bot RSS ${(rssBefore / MiB).toFixed(1)} → peak ${(rssPeak / MiB).toFixed(1)} MiB (+${growthMb.toFixed(1)} MB, goal ≤ ${RSS_GROWTH_GOAL_MB})`);
      if (growthMb > RSS_GROWTH_GOAL_MB) failed = true;
      await source.dispose();
    }
  } finally {
    await transcoder.close();
    rmSync(folder, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await run();
