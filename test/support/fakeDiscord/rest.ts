import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, requestTooLarge, unauthorized } from './errors.js';
import { readBody, send, sendBytes, type ParsedBody, type UploadedFile } from './http.js';
import type { Store } from './store.js';

const API_PREFIX = '/api/v10';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  store: Store;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface Route {
  method: Method;
  /** segments starting with ':' are parameters, e.g. /channels/:channelId/messages */
  path: string;
  /** 'bot' routes need `Authorization: Bot <token>`; interaction and webhook-token routes need nothing */
  auth: 'bot' | 'none';
  handle(ctx: RouteContext): RouteResult;
}

export const route = (method: Method, path: string, auth: Route['auth'], handle: Route['handle']): Route => ({ method, path, auth, handle });

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = actual;
    else if (segment !== actual) return undefined;
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function notFound(method: string, path: string, routes: Route[]): ApiError {
  const other = routes.some((r) => matchPath(r.path, path) !== undefined);
  if (other) return new ApiError(405, 0, `405: Method Not Allowed (the fake Discord has no ${method} ${path})`);
  return new ApiError(404, 0, `404: Not Found (the fake Discord has no route for ${method} ${path})`);
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Serves the REST API under /api/v10 and attachment bytes under /cdn; records every API request. */
const MAX_REQUEST_BYTES = 25 * 1024 * 1024;

/** Discord checks each file against the upload limit, and the whole request against 25 MiB (or the limit, if larger). */
function checkUploadSize(store: Store, files: UploadedFile[]): void {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (files.some((file) => file.size > store.enforcedUploadLimit) || total > Math.max(MAX_REQUEST_BYTES, store.enforcedUploadLimit)) {
    throw requestTooLarge();
  }
}

export function createRestHandler(store: Store, heldUploads: ServerResponse[], routes: Route[]): RequestHandler {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const method = req.method ?? 'GET';
    const cdnFile = url.pathname.startsWith('/cdn/') ? store.cdnFiles.get(url.pathname.slice('/cdn'.length)) : undefined;
    if (cdnFile) return sendBytes(res, cdnFile.contentType, cdnFile.data);
    // An expired or unknown attachment link, as Discord's CDN answers it.
    if (url.pathname.startsWith('/cdn/')) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('This content is no longer available.');
    // discord.js sends `@original` as `%40original`; paths are matched and recorded decoded.
    const path = (url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : url.pathname)
      .split('/')
      .map(decodeSegment)
      .join('/');
    let parsed: ParsedBody = { json: undefined, files: [] };
    let result: RouteResult;
    let unmatched = false;
    try {
      parsed = await readBody(req);
      checkUploadSize(store, parsed.files);
      const found = url.pathname.startsWith(`${API_PREFIX}/`)
        ? routes.map((r) => ({ r, params: r.method === method ? matchPath(r.path, path) : undefined })).find((m) => m.params)
        : undefined;
      if (!found?.params) {
        unmatched = true;
        throw notFound(method, path, routes);
      }
      if (found.r.auth === 'bot' && req.headers.authorization !== `Bot ${store.botToken}`) throw unauthorized();
      result = found.r.handle({ store, params: found.params, query: url.searchParams, body: parsed.json, files: parsed.files });
    } catch (error) {
      result = toErrorResult(error);
    }
    if (unmatched) console.warn(`[fakeDiscord] no route for ${method} ${url.pathname}`);
    store.requests.push({
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: parsed.json,
      files: parsed.files.map(({ name, contentType, size }) => ({ name, contentType, size })),
      status: result.status,
      response: result.body,
      at: store.now(),
      unmatched,
    });
    store.changed();
    if (store.holdUploads && parsed.files.length > 0 && result.status < 300) {
      heldUploads.push(res);
      return;
    }
    send(res, result.status, result.body);
  };
}

function toErrorResult(error: unknown): RouteResult {
  if (error instanceof ApiError) return { status: error.status, body: error.body() };
  console.error('[fakeDiscord] route crashed', error);
  return { status: 500, body: { message: `500: the fake Discord crashed: ${String(error)}`, code: 0 } };
}
