import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/domain/errors.js';
import type { Generation } from '../../src/domain/generation.js';
import { extensionRequest, extensionText } from '../../src/domain/generationRequest.js';
import type { VideoDownloader, VideoTranscoder } from '../../src/domain/ports.js';
import type { CheckResult } from '../../src/domain/quota/types.js';
import { createVideoActions } from '../../src/domain/videoActions.js';
import type { DownloadResult, LocalVideo } from '../../src/domain/videoFiles.js';
import { createLogger } from '../../src/log.js';
import { sampleGeneration, sampleShot, sampleTime } from '../support/sampleGeneration.js';

const signal = new AbortController().signal;
const MiB = 1024 * 1024;
const asker = { origin: { guildId: 'g', channelId: 'c', userId: 'u', interactionId: null, locale: null, guildLocale: null, attachmentSizeLimit: null }, roleIds: [] };

const finished = (id: number, overrides: Partial<Generation> = {}): Generation =>
  sampleGeneration({
    id,
    state: 'completed',
    finishedAt: sampleTime,
    videoUrl: `https://cdn.example/${id}.mp4`,
    shots: [sampleShot(0, { state: 'completed', videoUrl: `https://cdn.example/${id}.mp4`, taskId: `task_${id}` })],
    ...overrides,
  });

function world({ answers = {}, allowed = true, joinedBytes = 1 * MiB }: { answers?: Record<string, DownloadResult>; allowed?: boolean; joinedBytes?: number } = {}) {
  const disposed: string[] = [];
  const file = (path: string, size = 1000): LocalVideo => ({ path, size, content: new Blob([path]), dispose: async () => void disposed.push(path) });
  const downloaded: string[] = [];
  const downloader: VideoDownloader = {
    async download(url) {
      downloaded.push(url);
      return answers[url] ?? { ok: true, video: file(url) };
    },
  };
  const calls: string[] = [];
  const transcoder: VideoTranscoder = {
    async fit(video, room) {
      calls.push(`fit ${video.path} under ${room.partBytes}`);
      return [file('/copy-1.mp4', room.partBytes - 1), file('/copy-2.mp4', room.partBytes - 1)];
    },
    async lastFrame(video) {
      calls.push(`frame of ${video.path}`);
      return file('/frame.png');
    },
    async join(first, second) {
      calls.push(`join ${first.path} + ${second.path}`);
      return file('/joined.mp4', joinedBytes);
    },
  };
  const generations = new Map<number, Generation>([[7, finished(7)], [8, finished(8, { extendsGenerationId: 7 })]]);
  const check = (): CheckResult => (allowed ? { ok: true, remainingAfter: null, needsConfirmation: false } : { ok: false, refusal: new UserFacingError('quota_paused') });
  const videos = createVideoActions({ repo: { get: (id) => generations.get(id) }, downloader, transcoder, checks: { check }, log: createLogger({ write: () => undefined }) });
  return { videos, calls, disposed, downloaded, generations };
}

const refusalOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof UserFacingError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('Extend', () => {
  it('takes the last frame of the original, after the quota allowed the extension, and lets the download go', async () => {
    const w = world();
    const frame = await w.videos.extensionFrame(asker, w.generations.get(7)!, signal);
    expect(frame.path).toBe('/frame.png');
    expect(w.calls).toEqual(['frame of https://cdn.example/7.mp4']);
    expect(w.disposed).toEqual(['https://cdn.example/7.mp4']);
  });

  it('refuses before any download when the member may not pay for it', async () => {
    const w = world({ allowed: false });
    expect(await refusalOf(w.videos.extensionFrame(asker, w.generations.get(7)!, signal))).toBe('quota_paused');
    expect(w.downloaded).toEqual([]);
  });

  it('says the video file is gone when its link no longer gives it', async () => {
    const w = world({ answers: { 'https://cdn.example/7.mp4': { ok: false, failure: 'refused', detail: 'status 403' } } });
    expect(await refusalOf(w.videos.extensionFrame(asker, w.generations.get(7)!, signal))).toBe('result_video_gone');
    expect(w.calls).toEqual([]);
  });

  it('asks for one shot from the frame, at the original aspect ratio and resolution, marked as its extension', () => {
    const original = finished(7, { aspectRatio: '9:16', resolution: '1080p', shots: [sampleShot(0, { prompt: 'first' }), sampleShot(1, { prompt: 'the last shot' })] });
    expect(extensionText(original)).toBe('the last shot');
    expect(extensionRequest(original, 'the camera flies on', 'https://cdn.discordapp.com/frame.png')).toMatchObject({
      mode: 'frames',
      generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
      aspectRatio: '9:16',
      resolution: '1080p',
      shotPrompts: ['the camera flies on'],
      imageUrls: ['https://cdn.discordapp.com/frame.png'],
      extendsGenerationId: 7,
    });
  });
});

describe('Join', () => {
  it('joins the original and its extension and sends the result as it is when it fits', async () => {
    const w = world();
    const joined = await w.videos.joined(w.generations.get(8)!, signal);
    expect(w.calls).toEqual(['join https://cdn.example/7.mp4 + https://cdn.example/8.mp4']);
    expect(joined.files.map((f) => [f.name, f.copy])).toEqual([['veo-7-8.mp4', undefined]]);
    await joined.dispose();
    expect(w.disposed.sort()).toEqual(['/joined.mp4', 'https://cdn.example/7.mp4', 'https://cdn.example/8.mp4']);
  });

  it('sends a copy that fits the upload limit where the extension is', async () => {
    const w = world({ joinedBytes: 30 * MiB });
    const joined = await w.videos.joined(w.generations.get(8)!, signal);
    expect(w.calls.at(-1)).toBe(`fit /joined.mp4 under ${10 * MiB}`);
    expect(joined.files.map((f) => [f.name, f.copy])).toEqual([
      ['veo-7-8-part-1-of-2.mp4', { part: 1, parts: 2 }],
      ['veo-7-8-part-2-of-2.mp4', { part: 2, parts: 2 }],
    ]);
  });

  it('says the video file is gone when the original was removed', async () => {
    const w = world();
    w.generations.set(7, finished(7, { removedAt: sampleTime }));
    expect(await refusalOf(w.videos.joined(w.generations.get(8)!, signal))).toBe('result_video_gone');
  });
});
