import { afterEach, describe, expect, it } from 'vitest';
import { startFakeNanophoto, type FakeNanophoto, type FakeNanophotoOptions } from './fakeNanophoto.js';

const start = Date.UTC(2026, 10, 25, 12);
const minute = 60_000;
let now = start;
let api: FakeNanophoto;

async function fake(options: FakeNanophotoOptions = {}): Promise<FakeNanophoto> {
  now = start;
  api = await startFakeNanophoto({ now: () => now, shotDurationMs: 100_000, ...options });
  return api;
}

afterEach(async () => {
  await api.close();
});

interface Post {
  key?: string | null;
  contentType?: string;
  raw?: string;
  method?: string;
  signal?: AbortSignal;
}

async function post(path: string, body: unknown, { key = 'test-key', contentType = 'application/json', raw, method = 'POST', signal }: Post = {}) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  const init: RequestInit = { method, headers, ...(signal ? { signal } : {}) };
  if (method !== 'GET') init.body = raw ?? JSON.stringify(body);
  const res = await fetch(`${api.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as Record<string, any> };
}

const generate = (body: unknown, init?: Post) => post('/api/veo-3/generate', body, init);
const checkStatus = (body: unknown, init?: Post) => post('/api/veo-3/check-status', body, init);

const shot = (id: string, extra: Record<string, unknown> = {}) => ({ id, prompt: `prompt ${id}`, generationType: 'TEXT_2_VIDEO', aspectRatio: '16:9', ...extra });
const refsOf = (answer: { json: Record<string, any> }) =>
  (answer.json['shots'] as { shotId: string; taskId: string }[]).map(({ shotId, taskId }) => ({ shotId, taskId }));

describe('the fake nanophoto API: routing, auth and body checks', () => {
  it('answers only POST on the two endpoints, recording the rest as "other"', async () => {
    await fake();
    expect(await post('/api/veo-3/nope', {})).toMatchObject({ status: 404, json: { errorCode: 'NOT_FOUND' } });
    expect(await post('/api/veo-3/generate', undefined, { method: 'GET' })).toMatchObject({ status: 405, json: { errorCode: 'METHOD_NOT_ALLOWED' } });
    expect(api.requests.map((r) => [r.endpoint, r.method, r.status])).toEqual([
      ['other', 'POST', 404],
      ['other', 'GET', 405],
    ]);
  });

  it('wants application/json and a JSON object', async () => {
    await fake();
    expect(await generate(null, { contentType: 'text/plain', raw: '{}' })).toMatchObject({ status: 415 });
    expect(await generate(null, { raw: '{"shots": [' })).toMatchObject({ status: 400, json: { errorCode: 'INVALID_JSON' } });
    expect(await generate([shot('a')])).toMatchObject({ status: 400, json: { errorCode: 'INVALID_JSON' } });
    expect(await generate({ shots: [shot('a')] }, { contentType: 'application/json; charset=utf-8' })).toMatchObject({ status: 200 });
    expect(api.requests[1]).toMatchObject({ body: null, status: 400 });
  });

  it('refuses a missing or unknown key with LOGIN_REQUIRED, before the rate limit', async () => {
    await fake({ apiKeys: ['k1'], rateLimit: 1 });
    const refused = { status: 401, json: { error: 'Login required', errorCode: 'LOGIN_REQUIRED' } };
    expect(await generate({ shots: [shot('a')] }, { key: null })).toMatchObject(refused);
    expect(await generate({ shots: [shot('a')] }, { key: 'k2' })).toMatchObject(refused);
    expect(await generate({ shots: [shot('a')] }, { key: 'k1' })).toMatchObject({ status: 200 });
    expect(await generate({ shots: [shot('b')] }, { key: 'k2' })).toMatchObject(refused);
    expect(api.requests.map((r) => r.key)).toEqual([null, 'k2', 'k1', 'k2']);
  });
});

describe('generate', () => {
  const images = (n: number) => Array.from({ length: n }, (_, i) => `https://cdn.test/${i}.png`);
  it.each([
    ['no shots', {}, 'SHOTS_REQUIRED'],
    ['shots not an array', { shots: shot('a') }, 'SHOTS_REQUIRED'],
    ['an empty shots array', { shots: [] }, 'SHOTS_REQUIRED'],
    ['22 shots', { shots: Array.from({ length: 22 }, (_, i) => shot(`s${i}`)) }, 'SHOTS_REQUIRED'],
    ['a shot without id', { shots: [shot('')] }, 'INVALID_REQUEST'],
    ['duplicate shot ids', { shots: [shot('a'), shot('a')] }, 'INVALID_REQUEST'],
    ['a shot without prompt', { shots: [shot('a', { prompt: undefined })] }, 'PROMPT_REQUIRED'],
    ['an empty prompt', { shots: [shot('a', { prompt: '' })] }, 'PROMPT_REQUIRED'],
    ['an unknown generationType', { shots: [shot('a', { generationType: 'IMAGE_2_VIDEO' })] }, 'INVALID_REQUEST'],
    ['an unknown aspectRatio', { shots: [shot('a', { aspectRatio: '1:1' })] }, 'INVALID_REQUEST'],
    ['a base64 image', { shots: [shot('a', { generationType: 'REFERENCE_2_VIDEO', imageUrls: ['data:image/png;base64,AAAA'] })] }, 'IMAGE_URLS_REQUIRED'],
    ['an image on text-to-video', { shots: [shot('a', { imageUrls: images(1) })] }, 'INVALID_IMAGE_COUNT'],
    ['frames without images', { shots: [shot('a', { generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO' })] }, 'INVALID_IMAGE_COUNT'],
    ['three frames', { shots: [shot('a', { generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO', imageUrls: images(3) })] }, 'INVALID_IMAGE_COUNT'],
    ['four references', { shots: [shot('a', { generationType: 'REFERENCE_2_VIDEO', imageUrls: images(4) })] }, 'INVALID_IMAGE_COUNT'],
    ['an unknown resolution', { resolution: '8k', shots: [shot('a')] }, 'INVALID_REQUEST'],
    ['1080p with two shots', { resolution: '1080p', shots: [shot('a'), shot('b')] }, 'INVALID_REQUEST'],
  ])('refuses %s with 400 %s', async (_case, body, errorCode) => {
    await fake();
    const answer = await generate(body);
    expect(answer).toMatchObject({ status: 400, json: { errorCode, error: expect.any(String) } });
    expect(api.tasks()).toEqual([]);
  });

  it('says at most 21 shots, and takes 21', async () => {
    await fake();
    expect((await generate({ shots: Array.from({ length: 22 }, (_, i) => shot(`s${i}`)) })).json['error']).toMatch(/21/);
    expect(await generate({ shots: Array.from({ length: 21 }, (_, i) => shot(`s${i}`)) })).toMatchObject({ status: 200, json: { creditsUsed: 210 } });
  });

  it('accepts the image modes with public URLs', async () => {
    await fake();
    const frames = shot('f', { generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO', imageUrls: images(2) });
    const refs = shot('r', { generationType: 'REFERENCE_2_VIDEO', aspectRatio: '9:16', imageUrls: images(3) });
    expect(await generate({ shots: [frames, refs, shot('t', { imageUrls: [] })] })).toMatchObject({ status: 200 });
  });

  it('charges by resolution and refuses with 402 and requiredCredits when the balance is short', async () => {
    await fake({ credits: 60 });
    expect(await generate({ resolution: '4k', shots: [shot('a')] })).toMatchObject({ status: 200, json: { creditsUsed: 30 } });
    expect(await generate({ resolution: '1080p', shots: [shot('b')] })).toMatchObject({ status: 200, json: { creditsUsed: 14 } });
    expect(await generate({ shots: [shot('c'), shot('d')] })).toMatchObject({
      status: 402,
      json: { error: 'Insufficient credits', errorCode: 'INSUFFICIENT_CREDITS', requiredCredits: 20 },
    });
    expect(api.creditsLeft()).toBe(16);
    expect(await generate({ shots: [shot('e')] })).toMatchObject({ status: 200, json: { creditsUsed: 10 } });
    expect(api.creditsLeft()).toBe(6);
  });

  it('answers processing with one task per shot, plus a field clients must tolerate', async () => {
    await fake();
    const answer = await generate({ shots: [shot('a'), shot('b')] });
    expect(answer.json).toEqual({
      status: 'processing',
      shots: [
        { shotId: 'a', taskId: expect.stringMatching(/^task_[0-9a-f]+$/), status: 'processing' },
        { shotId: 'b', taskId: expect.stringMatching(/^task_[0-9a-f]+$/), status: 'processing' },
      ],
      creditsUsed: 20,
      requestId: expect.any(String),
    });
    expect(api.requests[0]).toMatchObject({ endpoint: 'generate', status: 200, at: start, key: 'test-key', body: { shots: [{ id: 'a' }, { id: 'b' }] } });
  });
});

describe('check-status', () => {
  it.each([
    ['no taskIds', {}, 400, 'TASK_IDS_REQUIRED'],
    ['taskIds not an array', { taskIds: 'task_1' }, 400, 'TASK_IDS_REQUIRED'],
    ['empty taskIds', { taskIds: [] }, 400, 'TASK_IDS_REQUIRED'],
    ['an unknown task', { taskIds: [{ shotId: 'a', taskId: 'task_nope' }] }, 404, 'TASK_NOT_FOUND'],
  ])('refuses %s with %i %s', async (_case, body, status, errorCode) => {
    await fake();
    expect(await checkStatus(body)).toMatchObject({ status, json: { errorCode, error: expect.any(String) } });
  });

  it('refuses a shot id that does not match the task, and an invalid resolution', async () => {
    await fake();
    const [ref] = refsOf(await generate({ shots: [shot('a')] }));
    expect(await checkStatus({ taskIds: [{ ...ref, shotId: 'b' }] })).toMatchObject({ status: 404, json: { errorCode: 'TASK_NOT_FOUND' } });
    expect(await checkStatus({ taskIds: [ref], resolution: '8k' })).toMatchObject({ status: 400, json: { errorCode: 'INVALID_REQUEST' } });
    expect(await checkStatus({ taskIds: [ref], resolution: '720p' })).toMatchObject({ status: 200 });
  });

  it("answers TASK_NOT_FOUND for another key's task", async () => {
    await fake({ apiKeys: ['k1', 'k2'] });
    const refs = refsOf(await generate({ shots: [shot('a')] }, { key: 'k1' }));
    expect(await checkStatus({ taskIds: refs }, { key: 'k2' })).toMatchObject({ status: 404, json: { errorCode: 'TASK_NOT_FOUND' } });
    expect(await checkStatus({ taskIds: refs }, { key: 'k1' })).toMatchObject({ status: 200 });
  });

  it('runs the shots of one request one after another', async () => {
    await fake({ shotDurationMs: (s) => (s.index + 1) * 60_000 });
    const refs = refsOf(await generate({ shots: [shot('a'), shot('b'), shot('c')] }));
    expect(api.tasks().map((t) => [t.startsAt - start, t.endsAt - start])).toEqual([
      [0, 60_000],
      [60_000, 180_000],
      [180_000, 360_000],
    ]);
    now = start + 2 * minute;
    const midway = await checkStatus({ taskIds: refs });
    expect(midway.json).toMatchObject({ status: 'processing', shots: [{ status: 'completed' }, { status: 'processing' }, { status: 'processing' }] });
    expect(midway.json['checkedAt']).toBe(new Date(now).toISOString());
    now = start + 6 * minute;
    const done = await checkStatus({ taskIds: refs });
    expect(done.json['status']).toBe('completed');
    expect(done.json['shots'][1]).toEqual({ ...refs[1], status: 'completed', videoUrl: `${api.url}/videos/${refs[1]!.taskId}.mp4`, generationTime: 120 });
    expect(done.json['videoUrl']).toBeUndefined();
  });

  it('reports a failed shot with its error, and refunds it once', async () => {
    await fake({ credits: 30, outcome: (s) => (s.shotId === 'b' ? { status: 'failed', error: 'Video generation failed' } : { status: 'completed' }) });
    const refs = refsOf(await generate({ shots: [shot('a'), shot('b'), shot('c')] }));
    expect(api.creditsLeft()).toBe(0);
    now = start + 150_000;
    expect(api.creditsLeft()).toBe(0);
    now = start + 300_000;
    const answer = await checkStatus({ taskIds: refs });
    expect(answer.json).toMatchObject({
      status: 'failed',
      shots: [{ status: 'completed' }, { shotId: 'b', status: 'failed', error: 'Video generation failed' }, { status: 'completed' }],
    });
    expect(answer.json['shots'][1].videoUrl).toBeUndefined();
    await checkStatus({ taskIds: refs });
    expect(api.creditsLeft()).toBe(10);
    expect(api.tasks().map((t) => t.state)).toEqual(['completed', 'failed', 'completed']);
  });

  it('mixes the tasks of two requests in one call', async () => {
    await fake();
    const first = refsOf(await generate({ shots: [shot('a')] }));
    now += 50_000;
    const second = refsOf(await generate({ shots: [shot('b')] }));
    now = start + 120_000;
    const answer = await checkStatus({ taskIds: [...second, ...first] });
    expect(answer.json).toMatchObject({ status: 'processing', shots: [{ shotId: 'b', status: 'processing' }, { shotId: 'a', status: 'completed' }] });
    expect(new Set(api.tasks().map((t) => t.requestId)).size).toBe(2);
  });

  it('gives a concatenated URL only when asked for, and only for a whole completed multi-shot request', async () => {
    await fake({ concatenatedUrl: true });
    const many = await generate({ shots: [shot('a'), shot('b')] });
    const single = refsOf(await generate({ shots: [shot('c')] }));
    const refs = refsOf(many);
    now = start + 100_000;
    expect((await checkStatus({ taskIds: refs })).json['videoUrl']).toBeUndefined();
    now = start + 200_000;
    expect((await checkStatus({ taskIds: [refs[0]] })).json['videoUrl']).toBeUndefined();
    expect((await checkStatus({ taskIds: single })).json['videoUrl']).toBeUndefined();
    const whole = await checkStatus({ taskIds: [...single, ...refs] });
    expect(whole.json['videoUrl']).toBe(`${api.url}/videos/${many.json['requestId']}-full.mp4`);
  });
});

describe('the rate limit', () => {
  it('refuses past the limit in a rolling hour, with Retry-After, and frees slots as time passes', async () => {
    await fake({ rateLimit: 3 });
    const refs = refsOf(await generate({ shots: [shot('a')] }));
    now += 10 * minute;
    await checkStatus({ taskIds: refs });
    now += 10 * minute;
    await checkStatus({ taskIds: refs }, { contentType: 'text/plain' }); // a refused call still counts
    now += 10 * minute;
    const refused = await checkStatus({ taskIds: refs });
    expect(refused).toMatchObject({ status: 429, json: { errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', error: expect.any(String) } });
    expect(refused.headers.get('retry-after')).toBe(String(30 * 60));
    now = start + 60 * minute - 500;
    expect((await checkStatus({ taskIds: refs })).headers.get('retry-after')).toBe('1');
    now = start + 60 * minute;
    expect(await checkStatus({ taskIds: refs })).toMatchObject({ status: 200 });
    expect((await checkStatus({ taskIds: refs })).headers.get('retry-after')).toBe(String(10 * 60));
  });

  it('keeps one window per key and can leave Retry-After out', async () => {
    await fake({ apiKeys: ['k1', 'k2'], rateLimit: 1, retryAfter: false });
    await generate({ shots: [shot('a')] }, { key: 'k1' });
    const refused = await generate({ shots: [shot('b')] }, { key: 'k1' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(await generate({ shots: [shot('b')] }, { key: 'k2' })).toMatchObject({ status: 200 });
  });

  it('counts injected faults as requests, except injected 429s', async () => {
    await fake({ rateLimit: 2 });
    api.injectFault('generate', { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED' }, 3);
    api.injectFault('generate', { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR' });
    for (let i = 0; i < 3; i += 1) expect((await generate({ shots: [shot('a')] })).status).toBe(429);
    expect((await generate({ shots: [shot('a')] })).status).toBe(500);
    expect((await generate({ shots: [shot('a')] })).status).toBe(200);
    expect((await generate({ shots: [shot('b')] })).json['errorCode']).toBe('API_KEY_RATE_LIMIT_EXCEEDED');
  });
});

describe('injected faults', () => {
  it('answers a status fault with the given code, message and Retry-After, or a verbatim body, in order', async () => {
    await fake();
    api.injectFault('generate', { kind: 'status', status: 500, errorCode: 'GENERATION_FAILED', error: 'boom', retryAfterSeconds: 7 });
    api.injectFault('check-status', { kind: 'status', status: 503 });
    api.injectFault('generate', { kind: 'status', status: 200, body: { status: 'failed', error: 'Prompt rejected' } });
    const first = await generate({ shots: [shot('a')] });
    expect(first).toMatchObject({ status: 500, json: { errorCode: 'GENERATION_FAILED', error: 'boom' } });
    expect(first.headers.get('retry-after')).toBe('7');
    expect(await generate({ shots: [shot('a')] })).toMatchObject({ status: 200, json: { status: 'failed', error: 'Prompt rejected' } });
    expect(await checkStatus({})).toMatchObject({ status: 503, json: { error: expect.any(String) } });
    expect(await generate({ shots: [shot('a')] })).toMatchObject({ status: 200, json: { status: 'processing' } });
    expect(api.tasks()).toHaveLength(1);
  });

  it('applies a fault the given number of times', async () => {
    await fake();
    api.injectFault('check-status', { kind: 'wrongShape' }, 2);
    expect((await checkStatus({})).json).toEqual({ status: 42 });
    expect((await checkStatus({})).json).toEqual({ status: 42 });
    expect((await checkStatus({})).status).toBe(400);
  });

  it('hangs a generate after processing it: the client times out, yet the task exists and was charged', async () => {
    await fake({ credits: 100 });
    api.injectFault('generate', { kind: 'hang' });
    await expect(generate({ shots: [shot('a')] }, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(api.tasks()).toMatchObject([{ shotId: 'a', state: 'processing' }]);
    expect(api.creditsLeft()).toBe(90);
    expect(api.requests[0]).toMatchObject({ endpoint: 'generate', status: 0 });
  });

  it('hangs without processing when told to', async () => {
    await fake({ credits: 100 });
    api.injectFault('generate', { kind: 'hang', process: false });
    await expect(generate({ shots: [shot('a')] }, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(api.tasks()).toEqual([]);
    expect(api.creditsLeft()).toBe(100);
  });

  it('resets the connection without answering', async () => {
    await fake();
    api.injectFault('generate', { kind: 'reset' });
    await expect(generate({ shots: [shot('a')] })).rejects.toThrow(/fetch failed/);
    expect(api.tasks()).toEqual([]);
  });

  it('answers 200 with a body that is not JSON', async () => {
    await fake();
    api.injectFault('generate', { kind: 'malformed' });
    const res = await fetch(`${api.url}/api/veo-3/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
      body: JSON.stringify({ shots: [shot('a')] }),
    });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('delays for real, then answers normally', async () => {
    await fake();
    api.injectFault('generate', { kind: 'delay', ms: 20 });
    const before = performance.now();
    expect(await generate({ shots: [shot('a')] })).toMatchObject({ status: 200, json: { status: 'processing' } });
    expect(performance.now() - before).toBeGreaterThanOrEqual(15);
  });

  it('closes promptly while a request hangs', async () => {
    await fake();
    api.injectFault('check-status', { kind: 'hang' });
    const hanging = checkStatus({ taskIds: [] }).catch((error: unknown) => error);
    await expect.poll(() => api.requests.length).toBe(1);
    const before = performance.now();
    await api.close();
    expect(performance.now() - before).toBeLessThan(200);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
