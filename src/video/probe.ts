import { localInput, runFfmpeg, FfmpegError, type FfmpegBinary } from './ffmpegProcess.js';

/** What a copy's plan needs to know of a video. */
export interface VideoFacts {
  durationSeconds: number;
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
}

/**
 * Reads a video's facts from the description ffmpeg prints of its input (no ffprobe needed):
 * `Duration: 00:02:48.00` and the first video stream's `1280x720 … 24 fps`.
 */
export function parseFacts(description: string): VideoFacts | undefined {
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(description);
  const video = /Stream #\d+:\d+.*?: Video: .*?, (\d{2,5})x(\d{2,5})[\s,][^\n]*/.exec(description);
  if (!duration || !video) return undefined;
  const fps = /(\d+(?:\.\d+)?) fps/.exec(video[0]);
  const durationSeconds = Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]);
  if (!(durationSeconds > 0)) return undefined;
  return {
    durationSeconds,
    width: Number(video[1]),
    height: Number(video[2]),
    fps: fps ? Number(fps[1]) : 24,
    hasAudio: /Stream #\d+:\d+.*?: Audio: /.test(description),
  };
}

/** The facts of a local video; ffmpeg exits with 1 here (no output asked for), which is expected. */
export async function probe(binary: FfmpegBinary, path: string, signal?: AbortSignal): Promise<VideoFacts> {
  const { stderr } = await runFfmpeg(binary, localInput(path), signal);
  const facts = parseFacts(stderr);
  if (!facts) throw new FfmpegError(`ffmpeg could not read a video in ${path}`);
  return facts;
}

/** How long the video really plays: every frame decoded, the last timestamp reached. */
export async function playedSeconds(binary: FfmpegBinary, path: string, signal?: AbortSignal): Promise<number> {
  const { code, stderr } = await runFfmpeg(binary, [...localInput(path), '-f', 'null', '-'], signal);
  const times = [...stderr.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)];
  const last = times.at(-1);
  if (code !== 0 || !last) throw new FfmpegError(`ffmpeg could not play ${path}`);
  return Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]);
}
