/** The error codes the vendor documents; anything else arrives as `UNKNOWN`. */
export const veoErrorCodes = [
  'LOGIN_REQUIRED',
  'API_KEY_RATE_LIMIT_EXCEEDED',
  'INSUFFICIENT_CREDITS',
  'SHOTS_REQUIRED',
  'PROMPT_REQUIRED',
  'INVALID_IMAGE_COUNT',
  'IMAGE_URLS_REQUIRED',
  'GENERATION_FAILED',
  'TASK_IDS_REQUIRED',
  'TASK_NOT_FOUND',
  'INTERNAL_ERROR',
] as const;
export type VeoErrorCode = (typeof veoErrorCodes)[number];

export type VeoMethod = 'POST';

interface VeoApiErrorInit {
  status: number;
  code: VeoErrorCode | 'UNKNOWN';
  method: VeoMethod;
  path: string;
  /** The vendor's own words; for logs only, never shown to users unfiltered. */
  apiMessage: string | undefined;
  retryAfterMs?: number | undefined;
  requiredCredits?: number | undefined;
}

/** The API answered, and the answer was an error (HTTP status or `"status": "failed"`). */
export class VeoApiError extends Error {
  override readonly name = 'VeoApiError';
  readonly status: number;
  readonly code: VeoErrorCode | 'UNKNOWN';
  readonly method: VeoMethod;
  readonly path: string;
  readonly apiMessage: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly requiredCredits: number | undefined;

  constructor(init: VeoApiErrorInit) {
    super(`${init.method} ${init.path} failed with ${init.status} ${init.code}${init.apiMessage ? `: ${init.apiMessage}` : ''}`);
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    this.apiMessage = init.apiMessage;
    this.retryAfterMs = init.retryAfterMs;
    this.requiredCredits = init.requiredCredits;
  }
}

export type VeoTransportFailure = 'timeout' | 'network' | 'malformed';

interface VeoTransportErrorInit {
  kind: VeoTransportFailure;
  method: VeoMethod;
  path: string;
  /** True when the request may have reached the vendor: a `generate` may have been charged. */
  outcomeUnknown: boolean;
  message: string;
  cause?: unknown;
}

/** No usable answer: the request timed out, the connection failed, or the body made no sense. */
export class VeoTransportError extends Error {
  override readonly name = 'VeoTransportError';
  readonly kind: VeoTransportFailure;
  readonly method: VeoMethod;
  readonly path: string;
  readonly outcomeUnknown: boolean;

  constructor(init: VeoTransportErrorInit) {
    super(`${init.method} ${init.path}: ${init.message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.outcomeUnknown = init.outcomeUnknown;
  }
}
