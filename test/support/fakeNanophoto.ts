import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '../domain/quota/random.js';
import { createFakeVideoHost, type FakeVideoFault, type FakeVideoHostOptions, type FakeVideoRequest } from './fakeVideos.js';

/**
 * A loopback stand-in for the nanophoto Veo API (/work/shared/nanophoto-veo-api.md), strict where the
 * vendor's contract speaks: auth, the hourly limit per key, every error code, shots run one after another.
 * Time comes from `now()`, so tests move shots and the rate-limit window with a manual clock.
 */

type Resolution = '720p' | '1080p' | '4k';

export interface FakeShotInfo {
  index: number;
  shotId: string;
  taskId: string;
  prompt: string;
  resolution: Resolution;
}
export type FakeShotOutcome = { status: 'completed' } | { status: 'failed'; error: string };

export interface FakeNanophotoOptions extends FakeVideoHostOptions {
  /** Accepted keys, default ['test-key']. */
  apiKeys?: string[];
  /** Requests per rolling hour per key, default 100. */
  rateLimit?: number;
  /** Whether a 429 carries Retry-After (seconds until the window frees a slot), default true. */
  retryAfter?: boolean;
  /** Clock in ms for shot progress and the rate-limit window, default Date.now. */
  now?: () => number;
  /** Default 150_000. */
  shotDurationMs?: number | ((shot: FakeShotInfo) => number);
  /** Default completed. */
  outcome?: (shot: FakeShotInfo) => FakeShotOutcome;
  /** Account balance, default Infinity: the account of every key not in `accounts`. */
  credits?: number;
  /** Keys with an account of their own (each key pays from its own balance), by key. */
  accounts?: Record<string, number>;
  /** Give a top-level videoUrl once every shot of a multi-shot request completed and all were asked. */
  concatenatedUrl?: boolean;
  /** Where finished videos are linked; default this server's own /videos, which serves real MP4 bytes. */
  videoBaseUrl?: string;
  /**
   * Faults a request draws at random when none is queued with `injectFault`: each request is
   * faulted with probability `rate`, picking among the faults meant for its endpoint (all when
   * `endpoint` is left out). Seeded, so a failing run replays exactly.
   */
  randomFaults?: { rate: number; seed: number; faults: { endpoint?: FakeEndpoint; fault: FakeFault }[] };
}

export type FakeEndpoint = 'generate' | 'check-status';
export type FakeFault =
  | { kind: 'status'; status: number; errorCode?: string; error?: string; retryAfterSeconds?: number; body?: unknown }
  | { kind: 'hang'; process?: boolean }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'wrongShape' }
  | { kind: 'delay'; ms: number };

export interface RecordedRequest {
  endpoint: FakeEndpoint | 'other';
  method: string;
  path: string;
  /** The parsed JSON body, or null. */
  body: unknown;
  /** The status answered; 0 while unanswered or when never answered (hang, reset). */
  status: number;
  at: number;
  /** The bearer token presented, accepted or not. */
  key: string | null;
  /** The fault applied to this request, queued with `injectFault` or drawn from `randomFaults`. */
  fault?: FakeFault;
}

export interface FakeTask {
  taskId: string;
  shotId: string;
  key: string;
  requestId: number;
  index: number;
  prompt: string;
  resolution: string;
  state: 'processing' | 'completed' | 'failed';
  startsAt: number;
  endsAt: number;
  videoUrl?: string;
  error?: string;
}

export interface FakeNanophoto {
  url: string;
  requests: RecordedRequest[];
  injectFault(endpoint: FakeEndpoint, fault: FakeFault, times?: number): void;
  /** Downloads of finished videos, in order. */
  videoRequests: FakeVideoRequest[];
  /** The next `times` downloads fail, hang or lie this way. */
  injectVideoFault(fault: FakeVideoFault, times?: number): void;
  tasks(): FakeTask[];
  /** The balance of the account `key` pays from (the shared one by default). */
  creditsLeft(key?: string): number;
  /** The account's owner buys credits (for the account `key` pays from). */
  topUp(credits: number, key?: string): void;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  text: string;
  headers: Record<string, string>;
}

interface Call {
  endpoint: FakeEndpoint;
  key: string;
  contentType: string | undefined;
  text: string;
}

interface Task extends Omit<FakeTask, 'state' | 'videoUrl' | 'error' | 'resolution'> {
  resolution: Resolution;
  /** Decided once, when the shot ends. */
  outcome?: FakeShotOutcome;
}

const HOUR = 3_600_000;
const MAX_SHOTS = 21;
const prices: Record<Resolution, number> = { '720p': 10, '1080p': 14, '4k': 30 };
const imageCounts = new Map<string, readonly [min: number, max: number]>([
  ['TEXT_2_VIDEO', [0, 0]],
  ['FIRST_AND_LAST_FRAMES_2_VIDEO', [1, 2]],
  ['REFERENCE_2_VIDEO', [1, 3]],
]);
const endpointsByPath = new Map<string, FakeEndpoint>([
  ['/api/veo-3/generate', 'generate'],
  ['/api/veo-3/check-status', 'check-status'],
]);

export async function startFakeNanophoto(options: FakeNanophotoOptions = {}): Promise<FakeNanophoto> {
  const now = options.now ?? Date.now;
  const videos = createFakeVideoHost(options);
  const server = createServer((req, res) => {
    if (videos.handle(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      if (!res.destroyed && !res.headersSent) send(res, failure(500, 'INTERNAL_ERROR', String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const vendor = createVendor({ videoBaseUrl: `${url}/videos`, ...options }, now);
  const requests: RecordedRequest[] = [];
  const faults: { endpoint: FakeEndpoint; fault: FakeFault }[] = [];
  const random = options.randomFaults ? mulberry32(options.randomFaults.seed) : undefined;

  /** The vendor's normal answer to an authenticated call. */
  function respond(call: Call): Reply {
    const retryAfterSeconds = vendor.admit(call.key);
    if (retryAfterSeconds !== undefined) {
      const headers = options.retryAfter === false ? {} : { 'retry-after': String(retryAfterSeconds) };
      return failure(429, 'API_KEY_RATE_LIMIT_EXCEEDED', 'API key rate limit exceeded', {}, headers);
    }
    if (call.contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
      return failure(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
    }
    const body = parseJson(call.text);
    if (!isRecord(body)) return failure(400, 'INVALID_JSON', 'Body must be a JSON object');
    return call.endpoint === 'generate' ? vendor.generate(call.key, body) : vendor.checkStatus(call.key, body);
  }

  async function applyFault(fault: FakeFault, call: Call, req: IncomingMessage, reply: (r: Reply) => void): Promise<void> {
    // The vendor saw a faulted request, so it uses up the window; a 429 is the vendor refusing to count it.
    const count = () => vendor.count(call.key);
    switch (fault.kind) {
      case 'status':
        if (fault.status !== 429) count();
        return reply(statusFault(fault));
      case 'hang':
        // Processed but never answered: the client times out on a generate the vendor did charge.
        if (fault.process ?? call.endpoint === 'generate') respond(call);
        else count();
        return;
      case 'reset':
        count();
        req.socket.destroy();
        return;
      case 'malformed':
        count();
        return reply({ status: 200, text: '{"status": "processing", "shots": [', headers: {} });
      case 'wrongShape':
        count();
        return reply(json(200, { status: 42 }));
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return reply(respond(call));
    }
  }

  function takeFault(endpoint: FakeEndpoint): FakeFault | undefined {
    const index = faults.findIndex((queued) => queued.endpoint === endpoint);
    if (index >= 0) return faults.splice(index, 1)[0]?.fault;
    return randomFault(endpoint);
  }

  function randomFault(endpoint: FakeEndpoint): FakeFault | undefined {
    if (!random || !options.randomFaults || !random.chance(options.randomFaults.rate)) return undefined;
    const fitting = options.randomFaults.faults.filter((f) => (f.endpoint ?? endpoint) === endpoint);
    return fitting.length === 0 ? undefined : random.pick(fitting).fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const method = req.method ?? '';
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const endpoint = endpointsByPath.get(path);
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const record: RecordedRequest = {
      endpoint: endpoint && method === 'POST' ? endpoint : 'other',
      method,
      path,
      body: parseJson(text) ?? null,
      status: 0,
      at: now(),
      key,
    };
    requests.push(record);
    const reply = (answer: Reply) => {
      record.status = answer.status;
      send(res, answer);
    };

    if (!endpoint) return reply(failure(404, 'NOT_FOUND', `No route for ${path}`));
    if (method !== 'POST') return reply(failure(405, 'METHOD_NOT_ALLOWED', `${method} not allowed, use POST`, {}, { allow: 'POST' }));
    if (key === null || !vendor.accepts(key)) return reply(failure(401, 'LOGIN_REQUIRED', 'Login required'));
    const call: Call = { endpoint, key, contentType: req.headers['content-type'], text };
    const fault = takeFault(endpoint);
    if (!fault) return reply(respond(call));
    record.fault = fault;
    return applyFault(fault, call, req, reply);
  }

  return {
    url,
    requests,
    injectFault(endpoint, fault, times = 1) {
      for (let i = 0; i < times; i += 1) faults.push({ endpoint, fault });
    },
    videoRequests: videos.requests,
    injectVideoFault: (fault, times) => videos.injectVideoFault(fault, times),
    tasks: () => vendor.tasks(),
    creditsLeft: (key) => vendor.creditsLeft(key),
    topUp: (amount, key) => vendor.topUp(amount, key),
    close() {
      videos.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Also drops hanging requests and keep-alive sockets, which server.close() alone would wait for.
        server.closeAllConnections();
      });
    },
  };
}

/** The vendor's account state: keys, rate windows, credits and tasks. No HTTP here. */
function createVendor(options: FakeNanophotoOptions, now: () => number) {
  const keys = new Set(options.apiKeys ?? ['test-key']);
  const limit = options.rateLimit ?? 100;
  const videoBase = options.videoBaseUrl ?? 'https://video.nanophoto.test/veo';
  const windows = new Map<string, number[]>();
  const tasks = new Map<string, Task>();
  const shared = { credits: options.credits ?? Infinity };
  const own = new Map(Object.entries(options.accounts ?? {}).map(([key, credits]) => [key, { credits }]));
  const accountOf = (key: string | undefined) => (key === undefined ? undefined : own.get(key)) ?? shared;
  let lastRequestId = 0;

  function recent(key: string): number[] {
    const sent = (windows.get(key) ?? []).filter((at) => at > now() - HOUR);
    windows.set(key, sent);
    return sent;
  }

  /** Counts the request in the key's rolling hour, or gives the seconds until a slot frees. */
  function admit(key: string): number | undefined {
    const sent = recent(key);
    if (sent.length >= limit) return Math.ceil(((sent[0] ?? now()) + HOUR - now()) / 1000);
    sent.push(now());
    return undefined;
  }

  const durationOf = (shot: FakeShotInfo) =>
    typeof options.shotDurationMs === 'function' ? options.shotDurationMs(shot) : (options.shotDurationMs ?? 150_000);

  /** Decides the outcome of every shot that has ended; the vendor refunds failed generations, once. */
  function settle(): void {
    for (const task of tasks.values()) {
      if (task.outcome || now() < task.endsAt) continue;
      task.outcome = options.outcome?.(infoOf(task)) ?? { status: 'completed' };
      if (task.outcome.status === 'failed') accountOf(task.key).credits += prices[task.resolution];
    }
  }

  function view(task: Task): FakeTask {
    const { outcome, ...fields } = task;
    if (!outcome || now() < task.endsAt) return { ...fields, state: 'processing' };
    if (outcome.status === 'failed') return { ...fields, state: 'failed', error: outcome.error };
    return { ...fields, state: 'completed', videoUrl: `${videoBase}/${task.taskId}.mp4` };
  }

  function createTasks(key: string, requestId: number, shots: { id: string; prompt: string }[], resolution: Resolution): Task[] {
    let startsAt = now();
    return shots.map(({ id, prompt }, index) => {
      const taskId = `task_${randomBytes(8).toString('hex')}`;
      const endsAt = startsAt + durationOf({ index, shotId: id, taskId, prompt, resolution });
      const task: Task = { taskId, shotId: id, key, requestId, index, prompt, resolution, startsAt, endsAt };
      tasks.set(taskId, task);
      startsAt = endsAt;
      return task;
    });
  }

  function generate(key: string, body: Record<string, unknown>): Reply {
    const shots = readShots(body['shots']);
    const resolution = readResolution(body['resolution']);
    if (resolution !== '720p' && shots.length > 1) refuse(400, 'INVALID_REQUEST', `${resolution} takes exactly one shot`);
    const cost = prices[resolution] * shots.length;
    settle();
    const account = accountOf(key);
    if (account.credits < cost) refuse(402, 'INSUFFICIENT_CREDITS', 'Insufficient credits', { requiredCredits: cost });
    account.credits -= cost;
    const requestId = (lastRequestId += 1);
    const created = createTasks(key, requestId, shots, resolution);
    return json(200, {
      status: 'processing',
      shots: created.map((task) => ({ shotId: task.shotId, taskId: task.taskId, status: 'processing' })),
      creditsUsed: cost,
      requestId: requestName(requestId),
    });
  }

  function findTask(key: string, ref: unknown): Task {
    if (!isRecord(ref) || typeof ref['taskId'] !== 'string' || typeof ref['shotId'] !== 'string') {
      refuse(400, 'INVALID_REQUEST', 'Each taskIds entry needs a shotId and a taskId');
    }
    const task = tasks.get(ref['taskId']);
    if (!task || task.key !== key || task.shotId !== ref['shotId']) refuse(404, 'TASK_NOT_FOUND', `Task ${ref['taskId']} not found`);
    return task;
  }

  function checkStatus(key: string, body: Record<string, unknown>): Reply {
    const refs = body['taskIds'];
    if (!Array.isArray(refs) || refs.length === 0) refuse(400, 'TASK_IDS_REQUIRED', 'taskIds is required');
    if (body['resolution'] !== undefined) readResolution(body['resolution']);
    const asked = refs.map((ref) => findTask(key, ref));
    settle();
    const shots = asked.map((task) => shotAnswer(view(task)));
    const status = shots.some((s) => s.status === 'processing') ? 'processing' : shots.every((s) => s.status === 'completed') ? 'completed' : 'failed';
    return json(200, { status, shots, checkedAt: new Date(now()).toISOString(), ...concatenated(asked) });
  }

  function concatenated(asked: Task[]): { videoUrl?: string } {
    if (!options.concatenatedUrl) return {};
    for (const requestId of new Set(asked.map((task) => task.requestId))) {
      const shots = [...tasks.values()].filter((task) => task.requestId === requestId);
      const whole = shots.length > 1 && shots.every((task) => asked.includes(task) && view(task).state === 'completed');
      if (whole) return { videoUrl: `${videoBase}/${requestName(requestId)}-full.mp4` };
    }
    return {};
  }

  return {
    accepts: (key: string) => keys.has(key),
    admit,
    count: (key: string) => void recent(key).push(now()),
    generate: (key: string, body: Record<string, unknown>) => refusing(() => generate(key, body)),
    checkStatus: (key: string, body: Record<string, unknown>) => refusing(() => checkStatus(key, body)),
    tasks(): FakeTask[] {
      settle();
      return [...tasks.values()].map(view);
    },
    creditsLeft(key?: string): number {
      settle();
      return accountOf(key).credits;
    },
    topUp(amount: number, key?: string): void {
      accountOf(key).credits += amount;
    },
  };
}

function readShots(value: unknown): { id: string; prompt: string }[] {
  if (!Array.isArray(value) || value.length === 0) refuse(400, 'SHOTS_REQUIRED', 'shots must be a non-empty array');
  if (value.length > MAX_SHOTS) refuse(400, 'SHOTS_REQUIRED', `At most ${MAX_SHOTS} shots per request`);
  const seen = new Set<string>();
  return value.map((shot) => readShot(shot, seen));
}

function readShot(shot: unknown, seen: Set<string>): { id: string; prompt: string } {
  if (!isRecord(shot)) refuse(400, 'INVALID_REQUEST', 'Each shot must be an object');
  const { id, prompt, generationType, aspectRatio, imageUrls = [] } = shot;
  if (typeof id !== 'string' || id === '') refuse(400, 'INVALID_REQUEST', 'Each shot needs an id');
  if (seen.has(id)) refuse(400, 'INVALID_REQUEST', `Duplicate shot id ${id}`);
  seen.add(id);
  if (typeof prompt !== 'string' || prompt.trim() === '') refuse(400, 'PROMPT_REQUIRED', 'Prompt is required');
  const count = typeof generationType === 'string' ? imageCounts.get(generationType) : undefined;
  if (!count) refuse(400, 'INVALID_REQUEST', 'Invalid generationType');
  if (aspectRatio !== '16:9' && aspectRatio !== '9:16') refuse(400, 'INVALID_REQUEST', 'aspectRatio must be 16:9 or 9:16');
  if (!Array.isArray(imageUrls) || !imageUrls.every(isHttpUrl)) refuse(400, 'IMAGE_URLS_REQUIRED', 'Images must be public URLs, not base64');
  if (imageUrls.length < count[0] || imageUrls.length > count[1]) {
    refuse(400, 'INVALID_IMAGE_COUNT', `${generationType} takes ${count[0]} to ${count[1]} images`);
  }
  return { id, prompt };
}

function readResolution(value: unknown = '720p'): Resolution {
  if (value !== '720p' && value !== '1080p' && value !== '4k') refuse(400, 'INVALID_REQUEST', 'resolution must be 720p, 1080p or 4k');
  return value;
}

const requestName = (requestId: number) => `req_${requestId}`;

const infoOf = ({ index, shotId, taskId, prompt, resolution }: Task): FakeShotInfo => ({ index, shotId, taskId, prompt, resolution });

function shotAnswer(task: FakeTask) {
  const shot = { shotId: task.shotId, taskId: task.taskId, status: task.state };
  if (task.state === 'failed') return { ...shot, error: task.error };
  if (task.state === 'processing') return shot;
  return { ...shot, videoUrl: task.videoUrl, generationTime: Math.round((task.endsAt - task.startsAt) / 1000) };
}

function statusFault(fault: Extract<FakeFault, { kind: 'status' }>): Reply {
  const headers = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  if (fault.body !== undefined) return json(fault.status, fault.body, headers);
  const code = fault.errorCode === undefined ? {} : { errorCode: fault.errorCode };
  return json(fault.status, { error: fault.error ?? `Injected ${fault.status}`, ...code }, headers);
}

/** An API refusal, thrown from deep in validation and turned into a reply by `refusing`. */
class Refusal extends Error {
  constructor(readonly reply: Reply) {
    super(reply.text);
  }
}

function refuse(status: number, errorCode: string, error: string, extra: Record<string, unknown> = {}): never {
  throw new Refusal(failure(status, errorCode, error, extra));
}

function refusing(answer: () => Reply): Reply {
  try {
    return answer();
  } catch (error) {
    if (error instanceof Refusal) return error.reply;
    throw error;
  }
}

function failure(status: number, errorCode: string, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Reply {
  return json(status, { error, errorCode, ...extra }, headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, text: JSON.stringify(body), headers };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(reply.text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
