import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback stand-in for the nanophoto Veo API, strict about the documented contract
 * (../shared/nanophoto-veo-api.md): auth, the hourly limit, every error code, sequential shots.
 */

export interface FakeShotInfo {
  index: number;
  shotId: string;
  taskId: string;
  prompt: string;
  resolution: Resolution;
}
export type FakeShotOutcome = { status: 'completed' } | { status: 'failed'; error: string };

export interface FakeNanophotoOptions {
  apiKeys?: string[];
  /** Requests per rolling hour per key. */
  rateLimit?: number;
  /** Whether a 429 carries Retry-After. */
  retryAfter?: boolean;
  now?: () => number;
  shotDurationMs?: number | ((shot: FakeShotInfo) => number);
  outcome?: (shot: FakeShotInfo) => FakeShotOutcome;
  credits?: number;
  /** Give a top-level videoUrl once every shot of a multi-shot request completed. */
  concatenatedUrl?: boolean;
  videoBaseUrl?: string;
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
  body: unknown;
  status: number;
  at: number;
  key: string | null;
}

export interface FakeTask {
  taskId: string;
  shotId: string;
  key: string;
  requestId: number;
  index: number;
  prompt: string;
  resolution: Resolution;
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
  tasks(): FakeTask[];
  creditsLeft(): number;
  close(): Promise<void>;
}

type Resolution = '720p' | '1080p' | '4k';
const resolutions: readonly string[] = ['720p', '1080p', '4k'];
const prices: Record<Resolution, number> = { '720p': 10, '1080p': 14, '4k': 30 };
const imageLimits: Record<string, [number, number]> = {
  TEXT_2_VIDEO: [0, 0],
  FIRST_AND_LAST_FRAMES_2_VIDEO: [1, 2],
  REFERENCE_2_VIDEO: [1, 3],
};
const HOUR = 3_600_000;

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface Task extends Omit<FakeTask, 'state' | 'videoUrl' | 'error'> {
  outcome: FakeShotOutcome | undefined;
  refunded: boolean;
}

export async function startFakeNanophoto(options: FakeNanophotoOptions = {}): Promise<FakeNanophoto> {
  const keys = new Set(options.apiKeys ?? ['test-key']);
  const limit = options.rateLimit ?? 100;
  const now = options.now ?? Date.now;
  const videoBase = options.videoBaseUrl ?? 'https://video.nanophoto.test/veo';
  const requests: RecordedRequest[] = [];
  const faults: { endpoint: FakeEndpoint; fault: FakeFault }[] = [];
  const windowByKey = new Map<string, number[]>();
  const tasks = new Map<string, Task>();
  const sockets = new Set<Socket>();
  let credits = options.credits ?? Infinity;
  let requestCount = 0;

  const durationOf = (info: FakeShotInfo) =>
    typeof options.shotDurationMs === 'function' ? options.shotDurationMs(info) : (options.shotDurationMs ?? 150_000);

  /** The task as of now(); a failed shot is refunded once, as the vendor does. */
  function view(task: Task): FakeTask {
    const { outcome: _outcome, refunded: _refunded, ...base } = task;
    if (now() < task.endsAt) return { ...base, state: 'processing' };
    task.outcome ??= options.outcome?.(infoOf(task)) ?? { status: 'completed' };
    if (task.outcome.status === 'completed') return { ...base, state: 'completed', videoUrl: `${videoBase}/${task.taskId}.mp4` };
    if (!task.refunded) {
      task.refunded = true;
      credits += prices[task.resolution];
    }
    return { ...base, state: 'failed', error: task.outcome.error };
  }

  const infoOf = (task: Omit<Task, 'outcome' | 'refunded'>): FakeShotInfo => ({
    index: task.index,
    shotId: task.shotId,
    taskId: task.taskId,
    prompt: task.prompt,
    resolution: task.resolution,
  });

  /** Counts the request in the key's rolling hour, or refuses it with 429. */
  function admit(key: string): { retryAfterSeconds: number } | undefined {
    const sent = (windowByKey.get(key) ?? []).filter((at) => at > now() - HOUR);
    windowByKey.set(key, sent);
    if (sent.length >= limit) return { retryAfterSeconds: Math.max(1, Math.ceil((sent[0]! + HOUR - now()) / 1000)) };
    sent.push(now());
    return undefined;
  }

  function generate(key: string, body: Record<string, unknown>) {
    const shots = body['shots'];
    if (!Array.isArray(shots) || shots.length === 0) throw new ApiFailure(400, 'SHOTS_REQUIRED', 'Shots array is required');
    if (shots.length > 21) throw new ApiFailure(400, 'SHOTS_REQUIRED', 'At most 21 shots per request');
    const resolution = body['resolution'] ?? '720p';
    if (typeof resolution !== 'string' || !resolutions.includes(resolution)) throw new ApiFailure(400, 'INVALID_REQUEST', 'Invalid resolution');
    if (resolution !== '720p' && shots.length > 1) throw new ApiFailure(400, 'INVALID_REQUEST', `${resolution} allows exactly one shot`);
    const ids = new Set<string>();
    for (const raw of shots) validateShot(raw, ids);
    const cost = prices[resolution as Resolution] * shots.length;
    if (credits < cost) throw new ApiFailure(402, 'INSUFFICIENT_CREDITS', 'Insufficient credits', { requiredCredits: cost });
    credits -= cost;
    requestCount += 1;
    let startsAt = now();
    const created = (shots as Record<string, unknown>[]).map((shot, index) => {
      const base = { taskId: `task_${randomBytes(8).toString('hex')}`, shotId: String(shot['id']), key, requestId: requestCount, index, prompt: String(shot['prompt']), resolution: resolution as Resolution };
      const endsAt = startsAt + durationOf(infoOf({ ...base, startsAt, endsAt: startsAt }));
      const task: Task = { ...base, startsAt, endsAt, outcome: undefined, refunded: false };
      startsAt = endsAt;
      tasks.set(task.taskId, task);
      return task;
    });
    return {
      status: 'processing',
      shots: created.map((t) => ({ shotId: t.shotId, taskId: t.taskId, status: 'processing' })),
      creditsUsed: cost,
      requestId: `req_${requestCount}`,
    };
  }

  function validateShot(raw: unknown, ids: Set<string>): void {
    const shot = isRecord(raw) ? raw : {};
    const id = shot['id'];
    if (typeof id !== 'string' || id === '' || ids.has(id)) throw new ApiFailure(400, 'INVALID_REQUEST', 'Each shot needs a unique id');
    ids.add(id);
    if (typeof shot['prompt'] !== 'string' || shot['prompt'].trim() === '') throw new ApiFailure(400, 'PROMPT_REQUIRED', 'Prompt is required');
    const type = shot['generationType'];
    const limits = typeof type === 'string' ? imageLimits[type] : undefined;
    if (!limits) throw new ApiFailure(400, 'INVALID_REQUEST', 'Invalid generationType');
    if (shot['aspectRatio'] !== '16:9' && shot['aspectRatio'] !== '9:16') throw new ApiFailure(400, 'INVALID_REQUEST', 'Invalid aspectRatio');
    const images = shot['imageUrls'] ?? [];
    if (!Array.isArray(images)) throw new ApiFailure(400, 'IMAGE_URLS_REQUIRED', 'imageUrls must be an array of URLs');
    if (images.some((url) => typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url))) {
      throw new ApiFailure(400, 'IMAGE_URLS_REQUIRED', 'Images must be public URLs, not base64');
    }
    if (images.length < limits[0] || images.length > limits[1]) throw new ApiFailure(400, 'INVALID_IMAGE_COUNT', 'Invalid image count for generation type');
  }

  function checkStatus(key: string, body: Record<string, unknown>) {
    const asked = body['taskIds'];
    if (!Array.isArray(asked) || asked.length === 0) throw new ApiFailure(400, 'TASK_IDS_REQUIRED', 'taskIds is required');
    const resolution = body['resolution'];
    if (resolution !== undefined && (typeof resolution !== 'string' || !resolutions.includes(resolution))) {
      throw new ApiFailure(400, 'INVALID_REQUEST', 'Invalid resolution');
    }
    const found = asked.map((entry) => {
      const ref = isRecord(entry) ? entry : {};
      const task = tasks.get(String(ref['taskId']));
      if (!task || task.key !== key || task.shotId !== ref['shotId']) throw new ApiFailure(404, 'TASK_NOT_FOUND', 'Task not found');
      return task;
    });
    const shots = found.map((task) => {
      const t = view(task);
      return {
        shotId: t.shotId,
        taskId: t.taskId,
        status: t.state,
        ...(t.videoUrl ? { videoUrl: t.videoUrl, generationTime: Math.round((t.endsAt - t.startsAt) / 1000) } : {}),
        ...(t.error ? { error: t.error } : {}),
      };
    });
    const status = shots.some((s) => s.status === 'processing') ? 'processing' : shots.every((s) => s.status === 'completed') ? 'completed' : 'failed';
    return { status, shots, checkedAt: new Date(now()).toISOString(), ...concatenated(found) };
  }

  function concatenated(found: Task[]): { videoUrl?: string } {
    if (!options.concatenatedUrl) return {};
    const requestIds = new Set(found.map((t) => t.requestId));
    for (const requestId of requestIds) {
      const all = [...tasks.values()].filter((t) => t.requestId === requestId);
      const askedAll = all.every((t) => found.includes(t));
      if (all.length > 1 && askedAll && all.every((t) => view(t).state === 'completed')) return { videoUrl: `${videoBase}/req_${requestId}-full.mp4` };
    }
    return {};
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const endpoint: RecordedRequest['endpoint'] = path === '/api/veo-3/generate' ? 'generate' : path === '/api/veo-3/check-status' ? 'check-status' : 'other';
    const text = await readBody(req);
    const record: RecordedRequest = { endpoint, method: req.method ?? '', path, body: parseJson(text) ?? null, status: 0, at: now(), key: null };
    requests.push(record);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const fail = (f: ApiFailure, headers?: Record<string, string>) => send(f.status, { error: f.message, errorCode: f.errorCode, ...f.extra }, headers);

    if (endpoint === 'other') return fail(new ApiFailure(404, 'NOT_FOUND', 'Not found'));
    if (req.method !== 'POST') return fail(new ApiFailure(405, 'METHOD_NOT_ALLOWED', 'Use POST'));
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const key = auth?.[1] && keys.has(auth[1]) ? auth[1] : null;
    record.key = key;
    if (!key) return fail(new ApiFailure(401, 'LOGIN_REQUIRED', 'Login required'));

    const fault = takeFault(endpoint);
    if (!(fault?.kind === 'status' && fault.status === 429)) {
      const refused = admit(key);
      if (refused) {
        const headers: Record<string, string> = options.retryAfter === false ? {} : { 'retry-after': String(refused.retryAfterSeconds) };
        return fail(new ApiFailure(429, 'API_KEY_RATE_LIMIT_EXCEEDED', 'API key rate limit exceeded'), headers);
      }
    }
    if (fault) return applyFault(fault, { key, endpoint, text, send, req, record });

    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail(new ApiFailure(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json'));
    const body = parseJson(text);
    if (!isRecord(body)) return fail(new ApiFailure(400, 'INVALID_JSON', 'Body must be a JSON object'));
    try {
      send(200, endpoint === 'generate' ? generate(key, body) : checkStatus(key, body));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error);
      throw error;
    }
  }

  function takeFault(endpoint: FakeEndpoint): FakeFault | undefined {
    const index = faults.findIndex((f) => f.endpoint === endpoint);
    return index < 0 ? undefined : faults.splice(index, 1)[0]!.fault;
  }

  async function applyFault(
    fault: FakeFault,
    c: { key: string; endpoint: FakeEndpoint; text: string; send: (status: number, body: unknown, headers?: Record<string, string>) => void; req: IncomingMessage; record: RecordedRequest },
  ): Promise<void> {
    const process = () => {
      const body = parseJson(c.text);
      if (!isRecord(body)) return undefined;
      try {
        return c.endpoint === 'generate' ? generate(c.key, body) : checkStatus(c.key, body);
      } catch {
        return undefined;
      }
    };
    switch (fault.kind) {
      case 'status': {
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        const body = fault.body ?? { error: fault.error ?? `Injected ${fault.status}`, ...(fault.errorCode ? { errorCode: fault.errorCode } : {}) };
        return c.send(fault.status, body, headers);
      }
      case 'hang':
        if (fault.process ?? c.endpoint === 'generate') process();
        c.record.status = -1;
        return;
      case 'reset':
        c.record.status = -1;
        c.req.socket.destroy();
        return;
      case 'malformed':
        return c.send(200, '{"status": "processing", "shots": [');
      case 'wrongShape':
        return c.send(200, { status: 42, shots: 'none' });
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return c.send(200, process() ?? { error: 'Invalid request', errorCode: 'INVALID_REQUEST' });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(error), errorCode: 'INTERNAL_ERROR' }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    injectFault(endpoint, fault, times = 1) {
      for (let i = 0; i < times; i += 1) faults.push({ endpoint, fault });
    },
    tasks: () => [...tasks.values()].map(view),
    creditsLeft: () => credits,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
