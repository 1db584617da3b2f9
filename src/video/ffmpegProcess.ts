import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

/** Where an ffmpeg lives, and how long one run of it may take. */
export interface FfmpegBinary {
  path: string;
  timeoutMs: number;
}

export interface FfmpegRun {
  code: number | null;
  /** The end of what ffmpeg wrote to stderr: its log, and the input's description. */
  stderr: string;
}

export class FfmpegError extends Error {
  override readonly name = 'FfmpegError';
}

// Below the bot's own priority, so the gateway and the poller keep their CPU while a copy is made.
const NICENESS = 10;
const STDERR_KEPT = 16 * 1024;

/**
 * Runs ffmpeg as a child process, never through a shell, on local files only: every input is
 * opened with the `file` protocol alone. It is killed at its time limit or when `signal` aborts.
 */
export function runFfmpeg({ path, timeoutMs }: FfmpegBinary, args: readonly string[], signal?: AbortSignal): Promise<FfmpegRun> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const child = spawn(path, ['-hide_banner', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'], shell: false });
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, NICENESS);
      } catch {
        // Not allowed here (some containers): it runs at the bot's priority.
      }
    }
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    let stopped: Error | undefined;
    const stop = (reason: Error) => {
      stopped ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new FfmpegError(`ffmpeg ran past its time limit of ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => stop(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('close', (code) => {
      done();
      if (stopped) reject(stopped);
      else resolve({ code, stderr });
    });
  });
}

/** The same, failing unless ffmpeg exits with 0. */
export async function ffmpeg(binary: FfmpegBinary, args: readonly string[], signal?: AbortSignal): Promise<string> {
  const run = await runFfmpeg(binary, args, signal);
  if (run.code !== 0) throw new FfmpegError(`ffmpeg exited with ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return run.stderr;
}

/**
 * An input ffmpeg may only read from the local disk, and only as an MP4 (the mov demuxer): a file
 * from outside that is a playlist or a concat list instead fails, where a probed demuxer would
 * follow it and read other local files into the video.
 */
export const localInput = (path: string): string[] => ['-protocol_whitelist', 'file', '-f', 'mov', '-i', `file:${path}`];

/** An output path ffmpeg can only take as a local file. */
export const localOutput = (path: string): string => `file:${path}`;
