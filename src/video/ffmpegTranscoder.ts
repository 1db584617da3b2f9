import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FitRoom, VideoTranscoder } from '../domain/ports.js';
import type { LocalFile, LocalVideo } from '../domain/videoFiles.js';
import { ffmpeg, FfmpegError, localInput, localOutput, type FfmpegBinary } from './ffmpegProcess.js';
import { planFit, type FitPlan } from './fitPlan.js';
import { createLimiter } from './limiter.js';
import { probe } from './probe.js';

export interface FfmpegTranscoderOptions {
  binary: FfmpegBinary;
  /** The bot's own folder for what ffmpeg writes; emptied at start and at close. */
  directory: string;
  /** ffmpeg runs at once, whatever the file pool's size. */
  concurrency: number;
}

// Fast enough for a 168-second story on a small machine; two passes make up for the preset.
const PRESET = 'veryfast';
// A frame handed on as the first frame of a new video need not be larger than 1080p.
const FRAME_LONG_SIDE = 1920;

/** The file ffmpeg wrote, as the domain passes it on: read from disk when sent, removed once done. */
async function localFile(path: string, type: string): Promise<LocalVideo> {
  const { size } = await stat(path);
  return { path, size, content: await openAsBlob(path, { type }), dispose: () => rm(path, { force: true }) };
}

/**
 * Copies that fit, last frames and joins, made by ffmpeg on files in the bot's own folder.
 * Each output is the caller's to dispose of; what a failed run left is removed here.
 */
export function createFfmpegTranscoder({ binary, directory, concurrency }: FfmpegTranscoderOptions): VideoTranscoder & { close(): Promise<void> } {
  const limited = createLimiter(concurrency);
  let ready: Promise<unknown> | undefined;
  const prepare = () => (ready ??= rm(directory, { recursive: true, force: true }).then(() => mkdir(directory, { recursive: true, mode: 0o700 })));
  const pathFor = (extension: string) => join(directory, `${randomUUID()}.${extension}`);

  /** Runs `make` on a fresh path; the path is removed unless `make` succeeded. */
  async function produce(extension: string, type: string, make: (path: string) => Promise<void>): Promise<LocalVideo> {
    await prepare();
    const path = pathFor(extension);
    try {
      await make(path);
      return await localFile(path, type);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /**
   * One part at a video bitrate, in two passes: the first measures, the second spends the bits
   * where they show. Both passes are the same run but for the output (x264 needs the same frames
   * in both, and the MP4 muxer decides them), so the first one's file is thrown away.
   */
  async function encodePart(source: string, out: string, plan: FitPlan, index: number, videoKbps: number, signal: AbortSignal): Promise<void> {
    const passLog = pathFor('pass');
    const firstPass = pathFor('mp4');
    const window = plan.parts > 1 ? { seek: ['-ss', (index * plan.partSeconds).toFixed(3)], length: ['-t', plan.partSeconds.toFixed(3)] } : { seek: [], length: [] };
    const audio = plan.audioKbps > 0 ? ['-map', '0:a:0', '-c:a', 'aac', '-b:a', `${plan.audioKbps}k`] : ['-an'];
    const run = (pass: 1 | 2, output: string) =>
      ffmpeg(
        binary,
        [
          ...window.seek,
          ...localInput(source),
          ...window.length,
          ...['-map', '0:v:0', '-vf', `scale=${plan.width}:${plan.height},setsar=1`, '-c:v', 'libx264', '-preset', PRESET, '-pix_fmt', 'yuv420p'],
          ...['-b:v', `${videoKbps}k`, '-pass', String(pass), '-passlogfile', passLog],
          ...audio,
          ...['-movflags', '+faststart', '-f', 'mp4', localOutput(output)],
        ],
        signal,
      );
    try {
      await run(1, firstPass);
      await run(2, out);
    } finally {
      await Promise.all([firstPass, `${passLog}-0.log`, `${passLog}-0.log.mbtree`, `${passLog}-0.log.temp`, `${passLog}-0.log.mbtree.temp`].map((path) => rm(path, { force: true })));
    }
  }

  /** A part under the room; a part that came out over its aim is made once more at a bitrate cut to match. */
  async function fitPart(source: string, plan: FitPlan, index: number, room: FitRoom, signal: AbortSignal): Promise<LocalVideo> {
    let videoKbps = plan.videoKbps;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const part = await produce('mp4', 'video/mp4', (out) => encodePart(source, out, plan, index, videoKbps, signal));
      if (part.size <= room.partBytes) return part;
      await part.dispose();
      videoKbps = Math.floor(videoKbps * (plan.targetBytes / part.size) * 0.95);
    }
    throw new FfmpegError(`a part of the copy stayed over ${room.partBytes} bytes`);
  }

  return {
    async fit(video, room, signal) {
      return limited(async () => {
        const plan = planFit(await probe(binary, video.path, signal), room);
        if (!plan) return null;
        const parts: LocalVideo[] = [];
        try {
          for (let index = 0; index < plan.parts; index += 1) parts.push(await fitPart(video.path, plan, index, room, signal));
        } catch (error) {
          await Promise.all(parts.map((part) => part.dispose()));
          throw error;
        }
        const total = parts.reduce((sum, part) => sum + part.size, 0);
        if (total > room.totalBytes) {
          await Promise.all(parts.map((part) => part.dispose()));
          return null;
        }
        return parts;
      });
    },

    async lastFrame(video, signal): Promise<LocalFile> {
      return limited(() =>
        produce('png', 'image/png', async (out) => {
          const longSide = `if(gt(iw,ih),min(${FRAME_LONG_SIDE},iw),-2)':'if(gt(iw,ih),-2,min(${FRAME_LONG_SIDE},ih))`;
          // Every frame of the last second overwrites the one before: the file ends as the last.
          await ffmpeg(binary, ['-sseof', '-1', ...localInput(video.path), '-map', '0:v:0', '-vf', `scale='${longSide}'`, '-update', '1', '-f', 'image2', '-c:v', 'png', localOutput(out)], signal);
        }),
      );
    },

    async join(first, second, signal) {
      return limited(async () => {
        const [a, b] = [await probe(binary, first.path, signal), await probe(binary, second.path, signal)];
        const size = `${a.width}:${a.height}`;
        const fit = (input: number) =>
          `[${input}:v:0]scale=${size}:force_original_aspect_ratio=decrease,pad=${size}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${a.fps},format=yuv420p[v${input}]`;
        const withAudio = a.hasAudio && b.hasAudio;
        const graph = withAudio
          ? `${fit(0)};${fit(1)};[0:a:0]aresample=48000[a0];[1:a:0]aresample=48000[a1];[v0][a0][v1][a1]concat=n=2:v=1:a=1[v][a]`
          : `${fit(0)};${fit(1)};[v0][v1]concat=n=2:v=1:a=0[v]`;
        const audio = withAudio ? ['-map', '[a]', '-c:a', 'aac', '-b:a', '160k'] : ['-an'];
        return produce('mp4', 'video/mp4', async (out) => {
          await ffmpeg(
            binary,
            [...localInput(first.path), ...localInput(second.path), '-filter_complex', graph, '-map', '[v]', '-c:v', 'libx264', '-preset', PRESET, '-crf', '20', ...audio, '-movflags', '+faststart', '-f', 'mp4', localOutput(out)],
            signal,
          );
        });
      });
    },

    async close() {
      if (ready) await rm(directory, { recursive: true, force: true });
    },
  };
}
