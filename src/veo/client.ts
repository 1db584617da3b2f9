import { Agent, request, type Dispatcher } from 'undici';
import type { z } from 'zod';
import { VeoApiError, VeoTransportError, veoErrorCodes, type VeoErrorCode, type VeoTransportFailure } from './errors.js';
import { checkStatusResponse, errorResponse, generateResponse } from './schemas.js';
import type { Logger } from '../log.js';
import type { GenerateRequest, GenerateResult, Resolution, ShotStatus, StatusResult, TaskRef, VeoClient } from './types.js';

export interface VeoClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Upper bound for one request, connection to last byte. */
  timeoutMs: number;
  dispatcher?: Dispatcher;
  now?: () => number;
  /** Told of every request once it ended, for metrics. */
  onRequest?: VeoRequestObserver;
  /** Told when the vendor charged a fraction of a credit, rounded up for the ledger. */
  log?: Pick<Logger, 'warn'>;
}

export type VeoEndpoint = 'generate' | 'check-status';
/** `ok`, the API's error code, or `transport_timeout` / `transport_network` / `transport_malformed`. */
export type VeoOutcome = 'ok' | VeoApiError['code'] | `transport_${VeoTransportFailure}`;
export type VeoRequestObserver = (endpoint: VeoEndpoint, outcome: VeoOutcome, durationMs: number) => void;

const paths = { generate: '/api/veo-3/generate', checkStatus: '/api/veo-3/check-status' } as const;
type VeoPath = (typeof paths)[keyof typeof paths];

// These failures happen before a byte reaches the vendor, so even a `generate` is known not to have run
// (a closed or destroyed client refuses the request before dispatching it).
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);

export function createVeoClient({ baseUrl, apiKey, timeoutMs, dispatcher, now = Date.now, onRequest, log }: VeoClientOptions): VeoClient & { close(): Promise<void> } {
  const ownDispatcher = dispatcher ? undefined : new Agent({ connections: 4, connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const via = dispatcher ?? ownDispatcher!;
  const origin = baseUrl.replace(/\/+$/, '');

  async function post<T extends z.ZodType>(path: VeoPath, body: unknown, schema: T): Promise<z.output<T>> {
    // A generate that may have reached the vendor could have been charged; there is no idempotency key.
    const mayHaveRun = (sent: boolean) => path === paths.generate && sent;
    let response: Dispatcher.ResponseData;
    let text: string;
    try {
      response = await request(`${origin}${path}`, {
        method: 'POST',
        dispatcher: via,
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.body.text();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const neverSent = typeof code === 'string' && neverSentCodes.has(code);
      throw new VeoTransportError({
        kind: isTimeout(error) ? 'timeout' : 'network',
        method: 'POST',
        path,
        outcomeUnknown: mayHaveRun(!neverSent),
        message: isTimeout(error) ? `no answer within ${timeoutMs} ms` : `connection failed (${typeof code === 'string' ? code : 'unknown'})`,
        cause: error,
      });
    }

    const json = parseJson(text);
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw apiError(path, response.statusCode, json, retryAfterMs(response.headers['retry-after'], now()));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new VeoTransportError({
        kind: 'malformed',
        method: 'POST',
        path,
        outcomeUnknown: mayHaveRun(true),
        message: `unexpected response body (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`,
      });
    }
    return parsed.data;
  }

  async function observed<T>(endpoint: VeoEndpoint, send: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const report = (outcome: VeoOutcome) => onRequest?.(endpoint, outcome, performance.now() - start);
    try {
      const result = await send();
      report('ok');
      return result;
    } catch (error) {
      report(error instanceof VeoApiError ? error.code : `transport_${error instanceof VeoTransportError ? error.kind : 'network'}`);
      throw error;
    }
  }

  const api: VeoClient = {
    async generate(input: GenerateRequest): Promise<GenerateResult> {
      const body = {
        resolution: input.resolution,
        shots: input.shots.map((shot) => ({
          id: shot.id,
          prompt: shot.prompt,
          generationType: shot.generationType,
          aspectRatio: shot.aspectRatio,
          ...(shot.imageUrls.length > 0 ? { imageUrls: shot.imageUrls } : {}),
        })),
      };
      const result = await post(paths.generate, body, generateResponse);
      if (result.status === 'failed') {
        throw new VeoApiError({ status: 200, code: knownCode(result.errorCode) ?? 'GENERATION_FAILED', method: 'POST', path: paths.generate, apiMessage: result.error });
      }
      if (!result.shots || result.shots.length === 0) {
        throw new VeoTransportError({ kind: 'malformed', method: 'POST', path: paths.generate, outcomeUnknown: true, message: 'accepted without any shot' });
      }
      const charged = result.creditsUsed;
      if (charged && charged.credits !== charged.reported) {
        log?.warn({ reported: charged.reported, counted: charged.credits }, 'the API charged a fraction of a credit; counted rounded up');
      }
      return { shots: result.shots, creditsUsed: charged?.credits };
    },

    async checkStatus(tasks: TaskRef[], resolution: Resolution): Promise<StatusResult> {
      const body = { taskIds: tasks.map(({ shotId, taskId }) => ({ shotId, taskId })), resolution };
      const result = await post(paths.checkStatus, body, checkStatusResponse);
      const shots = result.shots.map((shot) => ({
        shotId: shot.shotId,
        taskId: shot.taskId,
        status: shot.status,
        videoUrl: shot.videoUrl,
        generationSeconds: shot.generationTime,
        error: shot.error,
      }));
      return { status: overallStatus(result.status, shots), shots, videoUrl: result.videoUrl };
    },
  };

  return {
    generate: (input) => observed('generate', () => api.generate(input)),
    checkStatus: (tasks, resolution) => observed('check-status', () => api.checkStatus(tasks, resolution)),
    async close() {
      await ownDispatcher?.close();
    },
  };
}

function apiError(path: VeoPath, status: number, json: unknown, retryAfter: number | undefined): VeoApiError {
  const body = errorResponse.safeParse(json);
  const fields = body.success ? body.data : {};
  return new VeoApiError({
    status,
    code: knownCode(fields.errorCode) ?? 'UNKNOWN',
    method: 'POST',
    path,
    apiMessage: fields.error,
    retryAfterMs: retryAfter,
    requiredCredits: fields.requiredCredits,
  });
}

function knownCode(code: string | undefined): VeoErrorCode | undefined {
  return veoErrorCodes.find((known) => known === code);
}

/** The overall status is not trusted alone: a mixed batch is only finished when every shot is. */
function overallStatus(reported: string, shots: { status: ShotStatus }[]): ShotStatus {
  if (shots.some((shot) => shot.status === 'processing')) return 'processing';
  if (shots.length > 0) return shots.every((shot) => shot.status === 'completed') ? 'completed' : 'failed';
  return reported === 'completed' || reported === 'failed' ? reported : 'processing';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either seconds or an HTTP date. */
export function retryAfterMs(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function isTimeout(error: unknown): boolean {
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
}
