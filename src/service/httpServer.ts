import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../log.js';
import type { HealthCheck } from './health.js';

/** What a probe or a scraper needs, and no more: the port is not a place to hold connections open. */
export const httpLimits = {
  /** From the first byte of a request to its last header. */
  headersTimeoutMs: 5_000,
  /** From the first byte of a request to the end of its answer. */
  requestTimeoutMs: 10_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: 32,
};

export type HttpLimits = typeof httpLimits;

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  health: HealthCheck;
  metrics: Registry;
  log: Logger;
  /** `httpLimits` unless a test needs them shorter. */
  limits?: Partial<HttpLimits>;
  /** How often Node checks the time-outs above (tests). */
  timeoutCheckMs?: number;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

const pathOf = (req: IncomingMessage): string | undefined => {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
};

/** `GET /healthz` and `GET /metrics` for the operator's probes and scraper; nothing else. */
export async function startHttpServer({ host, port, health, metrics, log, limits = {}, timeoutCheckMs }: HttpServerOptions): Promise<RunningHttpServer> {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = { ...httpLimits, ...limits };
  const routes: Record<string, (res: ServerResponse) => Promise<void>> = {
    '/healthz': async (res) => {
      const result = health();
      send(res, result.ok ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(result));
    },
    '/metrics': async (res) => send(res, 200, metrics.contentType, await metrics.metrics()),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = pathOf(req);
      if (path === undefined) return send(res, 400, 'text/plain; charset=utf-8', 'bad request\n');
      const route = routes[path];
      if (!route) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n', { allow: 'GET' });
      await route(res);
    } catch (error) {
      // The path only: a request line is whatever a stranger sent.
      log.error({ err: error, path: pathOf(req) }, 'health or metrics request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    }
  }

  const server = createServer(
    { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, keepAliveTimeout: keepAliveTimeoutMs, ...(timeoutCheckMs ? { connectionsCheckingInterval: timeoutCheckMs } : {}) },
    (req, res) => void handle(req, res),
  );
  server.maxConnections = maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: error }, 'health and metrics server error'));
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log.info({ url, headersTimeoutMs, requestTimeoutMs, maxConnections }, 'serving /healthz and /metrics');

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers }).end(body);
}
