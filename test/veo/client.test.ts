import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVeoClient, retryAfterMs } from '../../src/veo/client.js';
import { VeoApiError, VeoTransportError } from '../../src/veo/errors.js';
import type { GenerateRequest, ShotRequest } from '../../src/veo/types.js';
import { startFakeNanophoto, type FakeNanophoto } from '../support/fakeNanophoto.js';

const textShot = (id: string, prompt = 'a fox in the snow'): ShotRequest => ({ id, prompt, generationType: 'TEXT_2_VIDEO', aspectRatio: '16:9', imageUrls: [] });
const oneShot: GenerateRequest = { resolution: '720p', shots: [textShot('veo-1-1')] };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('nanophoto client against the fake API', () => {
  let now = Date.UTC(2026, 10, 25, 12);
  let api: FakeNanophoto;
  let client: ReturnType<typeof createVeoClient>;
  beforeEach(async () => {
    now = Date.UTC(2026, 10, 25, 12);
    api = await startFakeNanophoto({ apiKeys: ['test-key'], now: () => now, shotDurationMs: 90_000 });
    client = createVeoClient({ baseUrl: `${api.url}/`, apiKey: 'test-key', timeoutMs: 500 });
  });
  afterEach(async () => {
    await client.close();
    await api.close();
  });

  it('submits shots with the documented body and headers, and reads the task ids and charge', async () => {
    const result = await client.generate({ resolution: '720p', shots: [textShot('veo-1-1'), textShot('veo-1-2', 'then it jumps')] });
    expect(result.creditsUsed).toBe(20);
    expect(result.shots.map((s) => s.shotId)).toEqual(['veo-1-1', 'veo-1-2']);
    expect(result.shots.every((s) => s.taskId.length > 0 && s.status === 'processing')).toBe(true);
    const [sent] = api.requests;
    expect(sent).toMatchObject({ endpoint: 'generate', status: 200, key: 'test-key' });
    expect(sent!.body).toEqual({
      resolution: '720p',
      shots: [
        { id: 'veo-1-1', prompt: 'a fox in the snow', generationType: 'TEXT_2_VIDEO', aspectRatio: '16:9' },
        { id: 'veo-1-2', prompt: 'then it jumps', generationType: 'TEXT_2_VIDEO', aspectRatio: '16:9' },
      ],
    });
  });

  it('sends image URLs with the image modes', async () => {
    await client.generate({
      resolution: '1080p',
      shots: [{ id: 'veo-2-1', prompt: 'zoom out', generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO', aspectRatio: '9:16', imageUrls: ['https://cdn.test/a.png'] }],
    });
    expect(api.requests[0]).toMatchObject({ status: 200, body: { resolution: '1080p', shots: [{ imageUrls: ['https://cdn.test/a.png'] }] } });
  });

  it('follows shots from processing to completed, batching tasks of several requests in one call', async () => {
    const a = await client.generate(oneShot);
    const b = await client.generate({ resolution: '720p', shots: [textShot('veo-2-1')] });
    const tasks = [...a.shots, ...b.shots].map(({ shotId, taskId }) => ({ shotId, taskId }));
    expect(await client.checkStatus(tasks, '720p')).toMatchObject({ status: 'processing', shots: [{ status: 'processing' }, { status: 'processing' }] });
    now += 91_000;
    const done = await client.checkStatus(tasks, '720p');
    expect(done.status).toBe('completed');
    expect(done.shots[0]).toMatchObject({ shotId: 'veo-1-1', status: 'completed', generationSeconds: 90, error: undefined });
    expect(done.shots[0]!.videoUrl).toMatch(/^https?:\/\/.+\.mp4$/);
    expect(api.requests.filter((r) => r.endpoint === 'check-status')).toHaveLength(2);
  });

  it('reports failed shots with the vendor reason for the logs', async () => {
    await api.close();
    api = await startFakeNanophoto({ now: () => now, shotDurationMs: 1_000, outcome: () => ({ status: 'failed', error: 'Video generation failed' }) });
    await client.close();
    client = createVeoClient({ baseUrl: api.url, apiKey: 'test-key', timeoutMs: 500 });
    const { shots } = await client.generate(oneShot);
    now += 2_000;
    const result = await client.checkStatus(shots, '720p');
    expect(result).toMatchObject({ status: 'failed', shots: [{ status: 'failed', error: 'Video generation failed', videoUrl: undefined }] });
  });

  it.each([
    [401, 'LOGIN_REQUIRED'],
    [402, 'INSUFFICIENT_CREDITS'],
    [400, 'SHOTS_REQUIRED'],
    [400, 'PROMPT_REQUIRED'],
    [400, 'INVALID_IMAGE_COUNT'],
    [400, 'IMAGE_URLS_REQUIRED'],
    [500, 'GENERATION_FAILED'],
    [500, 'INTERNAL_ERROR'],
  ] as const)('turns HTTP %i %s into a typed error with method and path', async (status, errorCode) => {
    api.injectFault('generate', { kind: 'status', status, errorCode, error: 'vendor words' });
    const error = await rejection(client.generate(oneShot));
    expect(error).toBeInstanceOf(VeoApiError);
    expect(error).toMatchObject({ status, code: errorCode, method: 'POST', path: '/api/veo-3/generate', apiMessage: 'vendor words' });
  });

  it('reads requiredCredits from a real insufficient-credits answer', async () => {
    await api.close();
    api = await startFakeNanophoto({ now: () => now, credits: 15 });
    await client.close();
    client = createVeoClient({ baseUrl: api.url, apiKey: 'test-key', timeoutMs: 500 });
    const error = await rejection(client.generate({ resolution: '720p', shots: [textShot('a'), textShot('b')] }));
    expect(error).toMatchObject({ status: 402, code: 'INSUFFICIENT_CREDITS', requiredCredits: 20 });
  });

  it('is refused with LOGIN_REQUIRED under a wrong key, and the key never appears in the error', async () => {
    const stranger = createVeoClient({ baseUrl: api.url, apiKey: 'wrong-secret-key', timeoutMs: 500 });
    const error = await rejection(stranger.generate(oneShot));
    await stranger.close();
    expect(error).toMatchObject({ status: 401, code: 'LOGIN_REQUIRED' });
    expect(JSON.stringify(error) + String(error)).not.toContain('wrong-secret-key');
  });

  it('maps a task of another key, or a made-up one, to TASK_NOT_FOUND', async () => {
    const error = await rejection(client.checkStatus([{ shotId: 'veo-9-1', taskId: 'task_nope' }], '720p'));
    expect(error).toMatchObject({ status: 404, code: 'TASK_NOT_FOUND', path: '/api/veo-3/check-status' });
  });

  it('stops at 100 requests an hour and carries Retry-After as milliseconds', async () => {
    for (let i = 0; i < 100; i += 1) await client.generate({ resolution: '720p', shots: [textShot(`veo-${i}-1`)] });
    now += 10 * 60_000;
    const error = await rejection(client.generate(oneShot));
    expect(error).toMatchObject({ status: 429, code: 'API_KEY_RATE_LIMIT_EXCEEDED', retryAfterMs: 50 * 60_000 });
  });

  it('keeps an unknown error code as UNKNOWN rather than guessing', async () => {
    api.injectFault('check-status', { kind: 'status', status: 418, errorCode: 'TEAPOT' });
    expect(await rejection(client.checkStatus([{ shotId: 'a', taskId: 'b' }], '720p'))).toMatchObject({ status: 418, code: 'UNKNOWN' });
  });

  it('treats a 200 with "status": "failed" as a rejected generation', async () => {
    api.injectFault('generate', { kind: 'status', status: 200, body: { status: 'failed', error: 'Prompt rejected' } });
    expect(await rejection(client.generate(oneShot))).toMatchObject({ status: 200, code: 'GENERATION_FAILED', apiMessage: 'Prompt rejected' });
  });

  it('flags a generate that timed out as of unknown outcome, and the vendor did create the task', async () => {
    api.injectFault('generate', { kind: 'hang', process: true });
    const error = await rejection(client.generate(oneShot));
    expect(error).toBeInstanceOf(VeoTransportError);
    expect(error).toMatchObject({ kind: 'timeout', outcomeUnknown: true });
    expect(api.tasks()).toHaveLength(1);
  });

  it('flags a reset connection or a garbled body on generate as of unknown outcome', async () => {
    api.injectFault('generate', { kind: 'reset' });
    expect(await rejection(client.generate(oneShot))).toMatchObject({ kind: 'network', outcomeUnknown: true });
    api.injectFault('generate', { kind: 'malformed' });
    expect(await rejection(client.generate(oneShot))).toMatchObject({ kind: 'malformed', outcomeUnknown: true });
    api.injectFault('generate', { kind: 'wrongShape' });
    expect(await rejection(client.generate(oneShot))).toMatchObject({ kind: 'malformed', outcomeUnknown: true });
  });

  it('knows a refused connection never reached the vendor', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createVeoClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'test-key', timeoutMs: 500 });
    const error = await rejection(offline.generate(oneShot));
    await offline.close();
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: false });
  });

  it('knows a closed client sent nothing: its generate is not an unknown outcome', async () => {
    const closing = createVeoClient({ baseUrl: api.url, apiKey: 'test-key', timeoutMs: 500 });
    await closing.close();
    expect(await rejection(closing.generate(oneShot))).toMatchObject({ kind: 'network', outcomeUnknown: false });
    expect(api.requests).toEqual([]);
  });

  it('tells its observer of every request: endpoint, outcome and duration', async () => {
    const seen: [string, string][] = [];
    const observed = createVeoClient({ baseUrl: api.url, apiKey: 'test-key', timeoutMs: 500, onRequest: (endpoint, outcome, ms) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      seen.push([endpoint, outcome]);
    } });
    const { shots } = await observed.generate(oneShot);
    await observed.checkStatus([{ shotId: 'veo-1-1', taskId: shots[0]!.taskId }], '720p');
    await rejection(observed.checkStatus([{ shotId: 'veo-9-1', taskId: 'task_nope' }], '720p'));
    api.injectFault('generate', { kind: 'status', status: 200, body: { status: 'failed', error: 'Prompt rejected' } });
    await rejection(observed.generate(oneShot));
    api.injectFault('generate', { kind: 'malformed' });
    await rejection(observed.generate(oneShot));
    await observed.close();
    expect(seen).toEqual([
      ['generate', 'ok'],
      ['check-status', 'ok'],
      ['check-status', 'TASK_NOT_FOUND'],
      ['generate', 'GENERATION_FAILED'],
      ['generate', 'transport_malformed'],
    ]);
  });

  it('never marks a failed check-status as of unknown outcome: asking again is harmless', async () => {
    api.injectFault('check-status', { kind: 'hang', process: false });
    expect(await rejection(client.checkStatus([{ shotId: 'a', taskId: 'b' }], '720p'))).toMatchObject({ kind: 'timeout', outcomeUnknown: false });
  });
});

describe('tolerant parsing', () => {
  it('ignores unknown fields, reads a top-level video URL and ignores a broken shot URL', async () => {
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          status: 'completed',
          videoUrl: 'https://video.test/full.mp4',
          extra: { nested: true },
          shots: [
            { shotId: 'a', taskId: 't1', status: 'completed', videoUrl: 'https://video.test/a.mp4', generationTime: 80, more: 1 },
            { shotId: 'b', taskId: 't2', status: 'completed', videoUrl: 'not a url' },
            { shotId: 'c', taskId: 't3', status: 'queued-somewhere' },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createVeoClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'k', timeoutMs: 500 });
    const result = await client.checkStatus([{ shotId: 'a', taskId: 't1' }], '720p');
    await client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(result.videoUrl).toBe('https://video.test/full.mp4');
    expect(result.shots.map((s) => [s.status, s.videoUrl])).toEqual([
      ['completed', 'https://video.test/a.mp4'],
      ['completed', undefined],
      ['processing', undefined],
    ]);
    // One shot still processing means the batch is not done, whatever the overall field says.
    expect(result.status).toBe('processing');
  });

  it('refuses a link with whitespace or control characters, even those the URL parser drops, and keeps links as the parser writes them', async () => {
    const links = [
      'https://cdn.x/a.mp4 [Free](https://evil.example)',
      'https://cdn.x/a.mp4\t[Free](https://evil.example)',
      'https://cdn.x/a.mp4\n[Free](https://evil.example)',
      'https://cdn.x/a\u0000.mp4',
      'https://cdn.x/a\u200b.mp4',
      'https://cdn.x/a.mp4\u00a0x',
      'HTTPS://CDN.X/videos/../a.mp4',
      'https://cdn.x/a.mp4?[Free](https://evil.example)',
    ];
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          status: 'completed',
          videoUrl: 'https://cdn.x/full.mp4\r\n',
          shots: links.map((videoUrl, index) => ({ shotId: `s${index}`, taskId: `t${index}`, status: 'completed', videoUrl })),
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createVeoClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'k', timeoutMs: 500 });
    const result = await client.checkStatus([{ shotId: 's0', taskId: 't0' }], '720p');
    await client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A refused link is dropped like any unreadable one: the shot stays completed and its link is asked for again.
    expect(result.videoUrl).toBeUndefined();
    expect(result.shots.map((s) => [s.status, s.videoUrl])).toEqual([
      ...links.slice(0, 6).map(() => ['completed', undefined]),
      ['completed', 'https://cdn.x/a.mp4'],
      ['completed', 'https://cdn.x/a.mp4?[Free](https://evil.example)'],
    ]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 10, 25, 12);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
