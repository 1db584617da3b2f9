import { describe, expect, it } from 'vitest';
import { deliverFiles, wantsFiles, type FileDeliveryPorts } from '../../src/domain/fileDelivery.js';
import type { Generation } from '../../src/domain/generation.js';
import type { Delivered, FilesRefused, FitRoom, VideoDownloader, VideoTranscoder } from '../../src/domain/ports.js';
import { MAX_SOURCE_BYTES, type DownloadResult, type LocalVideo, type VideoFile } from '../../src/domain/videoFiles.js';
import { sampleGeneration, sampleShot, sampleTime } from '../support/sampleGeneration.js';

const at = sampleTime;

const shot = (position: number, videoUrl: string | null) => sampleShot(position, { taskId: `task_${position + 1}`, state: 'completed', videoUrl, generationSeconds: 60, finishedAt: at });

const finished = (overrides: Partial<Generation> = {}): Generation =>
  sampleGeneration({ replyMessageId: '900000000000000001', videoUrl: 'https://cdn.example/7.mp4', revision: 4, deliveredRevision: 3, shots: [shot(0, null)], ...overrides });

const delivered: Delivered = { messageId: '900000000000000001', path: 'channel_edit' };

/** A vendor that answers each link from `answers` (a whole MP4 of `size` bytes by default), and counts what it disposed of. */
function fakeWorld(answers: Record<string, DownloadResult | 'mp4'> = {}, discord: (files: readonly VideoFile[]) => Promise<Delivered | FilesRefused> = async () => delivered) {
  const disposed: string[] = [];
  const asked: { url: string; maxBytes: number }[] = [];
  const sent: string[][] = [];
  const downloader: VideoDownloader = {
    async download(url, maxBytes) {
      asked.push({ url, maxBytes });
      const answer = answers[url] ?? 'mp4';
      if (answer !== 'mp4') return answer;
      return { ok: true, video: { path: '/videos/shot.mp4', size: 1000, content: new Blob(['mp4']), dispose: async () => void disposed.push(url) } };
    },
  };
  let removed = false;
  const ports: FileDeliveryPorts = {
    downloader,
    notifier: {
      async deliverFiles(_generation, files) {
        sent.push(files.map((file) => file.name));
        return discord(files);
      },
    },
    removed: () => removed,
  };
  return { ports, disposed, asked, sent, remove: () => void (removed = true) };
}

const signal = new AbortController().signal;

describe('a finished video sent as files', () => {
  it('is wanted only for a finished video with links and no fallback on record', () => {
    expect(wantsFiles(finished())).toBe(true);
    expect(wantsFiles(finished({ state: 'running' }))).toBe(false);
    expect(wantsFiles(finished({ fileFallback: 'too_large' }))).toBe(false);
    expect(wantsFiles(finished({ videoUrl: null }))).toBe(false);
  });

  it('sends the files and answers with what Discord accepted, disposing of the downloads', async () => {
    const world = fakeWorld();
    const outcome = await deliverFiles(finished({ attachmentSizeLimit: 8_000_000 }), world.ports, signal);
    expect(outcome).toEqual({ kind: 'sent', delivered });
    expect(world.asked).toEqual([{ url: 'https://cdn.example/7.mp4', maxBytes: 8_000_000 }]);
    expect(world.sent).toEqual([['veo-7.mp4']]);
    expect(world.disposed).toEqual(['https://cdn.example/7.mp4']);
  });

  it('sends each shot of a story without a joined video, named by shot', async () => {
    const world = fakeWorld();
    const story = finished({ videoUrl: null, shots: [shot(0, 'https://cdn.example/a.mp4'), shot(1, 'https://cdn.example/b.mp4')] });
    expect(await deliverFiles(story, world.ports, signal)).toEqual({ kind: 'sent', delivered });
    expect(world.sent).toEqual([['veo-7-shot-1.mp4', 'veo-7-shot-2.mp4']]);
  });

  it('falls back to the link when the first video can never go as a file', async () => {
    const url = 'https://cdn.example/7.mp4';
    for (const [failure, reason] of [['too_large', 'too_large'], ['not_mp4', 'not_mp4'], ['refused', 'unavailable']] as const) {
      const world = fakeWorld({ [url]: { ok: false, failure, detail: 'why' } });
      expect(await deliverFiles(finished(), world.ports, signal)).toEqual({ kind: 'fall_back', reason, detail: 'why' });
      expect(world.sent).toEqual([]);
    }
  });

  it('sends the shots that fit and leaves the rest as links', async () => {
    const world = fakeWorld({ 'https://cdn.example/b.mp4': { ok: false, failure: 'too_large', detail: 'over' } });
    const story = finished({ videoUrl: null, shots: [shot(0, 'https://cdn.example/a.mp4'), shot(1, 'https://cdn.example/b.mp4')] });
    expect(await deliverFiles(story, world.ports, signal)).toEqual({ kind: 'sent', delivered });
    expect(world.sent).toEqual([['veo-7-shot-1.mp4']]);
  });

  it('falls back to the link when Discord refuses the files, as an answer', async () => {
    const world = fakeWorld({}, async () => ({ kind: 'files_refused', reason: 'no_permission' }));
    expect(await deliverFiles(finished(), world.ports, signal)).toEqual({ kind: 'fall_back', reason: 'no_permission', detail: 'Discord refused the video files: no_permission' });
    expect(world.disposed).toHaveLength(1);
  });

  it('asks to be retried later when the vendor is unreachable or Discord fails', async () => {
    const unreachable = fakeWorld({ 'https://cdn.example/7.mp4': { ok: false, failure: 'unreachable', detail: 'status 503' } });
    expect(await deliverFiles(finished(), unreachable.ports, signal)).toEqual({ kind: 'retry_later', detail: 'status 503' });
    expect(unreachable.sent).toEqual([]);

    const discordDown = fakeWorld({}, () => Promise.reject(new Error('Discord is down')));
    expect(await deliverFiles(finished(), discordDown.ports, signal)).toEqual({ kind: 'retry_later', detail: 'Error: Discord is down' });
    expect(discordDown.disposed).toHaveLength(1);
  });

  it('abandons a video removed by its member while it downloaded, or a download cut off by shutdown', async () => {
    const removed = fakeWorld();
    removed.remove();
    expect(await deliverFiles(finished(), removed.ports, signal)).toEqual({ kind: 'abandoned' });
    expect(removed.sent).toEqual([]);
    expect(removed.disposed).toHaveLength(1);

    const stopping = new AbortController();
    const shutdown = fakeWorld();
    shutdown.ports.downloader = {
      download: () => {
        stopping.abort();
        return Promise.reject(new Error('aborted'));
      },
    };
    expect(await deliverFiles(finished(), shutdown.ports, stopping.signal)).toEqual({ kind: 'abandoned' });
    expect(shutdown.sent).toEqual([]);
  });
});

describe('a finished video over the upload limit', () => {
  const MiB = 1024 * 1024;
  const original = (size: number): DownloadResult => ({ ok: true, video: { path: '/videos/original.mp4', size, content: new Blob(['big']), dispose: async () => undefined } });
  const made = (name: string, size: number, disposed: string[]): LocalVideo => ({ path: `/copies/${name}`, size, content: new Blob([name]), dispose: async () => void disposed.push(name) });

  /** A transcoder that answers `fit` with parts of these sizes (none: no watchable copy), and records the room it was given. */
  function transcoding(partSizes: number[] | null | Error) {
    const rooms: FitRoom[] = [];
    const disposed: string[] = [];
    const transcoder: VideoTranscoder = {
      async fit(_video, room) {
        rooms.push(room);
        if (partSizes instanceof Error) throw partSizes;
        return partSizes && partSizes.map((size, index) => made(`part-${index}`, size, disposed));
      },
      lastFrame: () => Promise.reject(new Error('not here')),
      join: () => Promise.reject(new Error('not here')),
    };
    return { transcoder, rooms, disposed };
  }

  it('is downloaded whole and sent as one smaller copy, said to be a copy, disposed of afterwards', async () => {
    const world = fakeWorld({ 'https://cdn.example/7.mp4': original(40 * MiB) });
    const copy = transcoding([9 * MiB]);
    const outcome = await deliverFiles(finished({ attachmentSizeLimit: 10 * MiB }), { ...world.ports, transcoder: copy.transcoder }, signal);
    expect(outcome).toEqual({ kind: 'sent', delivered });
    expect(world.asked).toEqual([{ url: 'https://cdn.example/7.mp4', maxBytes: MAX_SOURCE_BYTES }]);
    expect(copy.rooms).toEqual([{ partBytes: 10 * MiB, maxParts: 10, totalBytes: 25 * MiB }]);
    expect(world.sent).toEqual([['veo-7.mp4']]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(copy.disposed).toEqual(['part-0']);
  });

  it('goes in parts, in order, each named by its place, when the transcoder cut it', async () => {
    const world = fakeWorld({ 'https://cdn.example/7.mp4': original(60 * MiB) });
    let files: readonly VideoFile[] = [];
    world.ports.notifier = { deliverFiles: async (_generation, sent) => ((files = sent), delivered) };
    await deliverFiles(finished(), { ...world.ports, transcoder: transcoding([9 * MiB, 8 * MiB]).transcoder }, signal);
    expect(files.map((file) => [file.name, file.copy])).toEqual([
      ['veo-7-part-1-of-2.mp4', { part: 1, parts: 2 }],
      ['veo-7-part-2-of-2.mp4', { part: 2, parts: 2 }],
    ]);
  });

  it('is shown as its link when no watchable copy fits one message, or when the copy fails', async () => {
    for (const answer of [null, new Error('ffmpeg ran past its time limit')]) {
      const world = fakeWorld({ 'https://cdn.example/7.mp4': original(400 * MiB) });
      const outcome = await deliverFiles(finished(), { ...world.ports, transcoder: transcoding(answer).transcoder }, signal);
      expect(outcome).toMatchObject({ kind: 'fall_back', reason: 'too_large' });
      expect(world.sent).toEqual([]);
    }
  });

  it('is not made a copy of by a shutdown: a restart starts it again', async () => {
    const stopping = new AbortController();
    const world = fakeWorld({ 'https://cdn.example/7.mp4': original(40 * MiB) });
    const transcoder: VideoTranscoder = {
      fit: () => {
        stopping.abort();
        return Promise.reject(new Error('killed'));
      },
      lastFrame: () => Promise.reject(new Error('not here')),
      join: () => Promise.reject(new Error('not here')),
    };
    expect(await deliverFiles(finished(), { ...world.ports, transcoder }, stopping.signal)).toEqual({ kind: 'abandoned' });
  });
});

