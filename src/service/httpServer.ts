import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../log.js';
import type { HealthCheck } from './health.js';

export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  health: HealthCheck;
  metrics: Registry;
  log: Logger;
}

export interface RunningHttpServer {
  url: string;
  close(): Promise<void>;
}

/** `GET /healthz` and `GET /metrics` for the operator's probes and scraper; nothing else. */
export async function startHttpServer({ host, port, health, metrics, log }: HttpServerOptions): Promise<RunningHttpServer> {
  const routes: Record<string, (res: ServerResponse) => Promise<void>> = {
    '/healthz': async (res) => {
      const result = health();
      send(res, result.ok ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(result));
    },
    '/metrics': async (res) => send(res, 200, metrics.contentType, await metrics.metrics()),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = routes[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (!route) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n', { allow: 'GET' });
    try {
      await route(res);
    } catch (error) {
      log.error({ err: error, path: req.url }, 'health or metrics request failed');
      send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
    }
  }

  const server = createServer((req, res) => void handle(req, res));
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
  log.info({ url }, 'serving /healthz and /metrics');

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
