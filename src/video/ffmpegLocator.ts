import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** Which ffmpeg the bot uses, and where it was found. */
export interface FoundFfmpeg {
  path: string;
  source: 'FFMPEG_PATH' | 'PATH' | 'npm';
  version: string;
}

export interface LocateOptions {
  /** FFMPEG_PATH, when set: used or nothing. */
  configured: string | undefined;
  /** The name looked up on the PATH; tests name one that is nowhere. */
  onPath?: string;
  /** Overridden by tests; the optional npm dependency's binary otherwise. */
  bundled?: () => string | undefined;
}

const VERSION_TIMEOUT_MS = 10_000;

/** The binary that the optional dependency `@ffmpeg-installer/ffmpeg` ships, when it installed. */
export function bundledFfmpeg(): string | undefined {
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path?: unknown };
    return typeof installer.path === 'string' ? installer.path : undefined;
  } catch {
    return undefined;
  }
}

/** `ffmpeg -version`'s first line names it; anything else means this is no working ffmpeg. */
function versionOf(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(path, ['-hide_banner', '-version'], { timeout: VERSION_TIMEOUT_MS, shell: false }, (error, stdout) => {
      const match = /^ffmpeg version (\S+)/.exec(String(stdout));
      resolve(error || !match ? undefined : match[1]);
    });
  });
}

/**
 * FFMPEG_PATH when set; else an `ffmpeg` on the PATH (a system package gets security updates);
 * else the build of the optional npm dependency. Null when none runs.
 */
export async function locateFfmpeg({ configured, onPath: name = 'ffmpeg', bundled = bundledFfmpeg }: LocateOptions): Promise<FoundFfmpeg | null> {
  if (configured !== undefined) {
    const version = await versionOf(configured);
    return version ? { path: configured, source: 'FFMPEG_PATH', version } : null;
  }
  const onPath = await versionOf(name);
  if (onPath) return { path: name, source: 'PATH', version: onPath };
  const shipped = bundled();
  const version = shipped ? await versionOf(shipped) : undefined;
  return shipped && version ? { path: shipped, source: 'npm', version } : null;
}
