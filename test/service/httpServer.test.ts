import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import { createRequestBudget } from '../../src/domain/requestBudget.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { createHealthCheck } from '../../src/service/health.js';
import { startHttpServer, type HttpServerOptions, type RunningHttpServer } from '../../src/service/httpServer.js';
import { CREDIT_TOTALS_MAX_AGE_MS, createServiceMetrics } from '../../src/service/metrics.js';
import { insertGeneration } from '../domain/quota/quotaFixture.js';
import { parsePrometheusText, sampleValue } from '../support/prometheusText.js';

const rateLimit = { limit: 100, windowMs: 3_600_000, pollReserve: 12, submitReserve: 5, burst: 20 };
const TICK_SILENCE_MS = 1_000;

describe('the health and metrics server', () => {
  let db: Db;
  let server: RunningHttpServer;
  const clock = new ManualClock(Date.UTC(2026, 10, 18, 12));
  const state = { gateway: true, tickAt: clock.now() as Date | undefined, dbOpen: true };

  async function start(options: Partial<HttpServerOptions> = {}) {
    db = openDb(':memory:');
    state.dbOpen = true;
    const repos = createRepos(db);
    const health = createHealthCheck({ repo: repos.service, clock, gatewayReady: () => state.gateway, pollerProgressAt: () => state.tickAt, pollerMaxSilenceMs: TICK_SILENCE_MS });
    const budget = createRequestBudget({ repo: repos.apiBudget.forKey('k'), transaction: repos.transaction, clock, ...rateLimit });
    const metrics = createServiceMetrics({ repos, requestsLeft: () => new Map([['k', budget.available()]]), clock });
    server = await startHttpServer({ host: '127.0.0.1', port: 0, health, metrics: metrics.registry, log: silentLogger, ...options });
    return metrics;
  }
  const get = async (path: string, method = 'GET') => {
    const response = await fetch(`${server.url}${path}`, { method });
    return { status: response.status, body: await response.text(), headers: response.headers };
  };
  const healthz = async () => {
    const { status, body } = await get('/healthz');
    return { status, ...(JSON.parse(body) as { ok: boolean; checks: Record<string, { ok: boolean; reason?: string }> }) };
  };

  afterEach(async () => {
    await server.close();
    if (db.$client.open) closeDb(db);
    Object.assign(state, { gateway: true, tickAt: clock.now() });
  });

  it('answers 200 while all is well, then 503 naming the database once it is closed', async () => {
    await start();
    expect(await healthz()).toMatchObject({ status: 200, ok: true, checks: { gateway: { ok: true }, database: { ok: true }, poller: { ok: true } } });
    closeDb(db);
    // The database's answer is reused for a second.
    clock.advance(1_000);
    state.tickAt = clock.now();
    const after = await healthz();
    expect(after).toMatchObject({ status: 503, ok: false, checks: { gateway: { ok: true }, poller: { ok: true }, database: { ok: false } } });
    expect(after.checks['database']!.reason).toMatch(/database refused a write/);
  });

  it('answers 503 when the gateway is not ready or the poller stopped ticking', async () => {
    await start();
    state.gateway = false;
    expect(await healthz()).toMatchObject({ status: 503, checks: { gateway: { ok: false, reason: 'the Discord gateway is not ready' } } });
    state.gateway = true;
    clock.advance(TICK_SILENCE_MS);
    expect((await healthz()).status).toBe(200);
    clock.advance(1);
    expect(await healthz()).toMatchObject({ status: 503, checks: { poller: { ok: false, reason: `the poller has not ticked for ${TICK_SILENCE_MS + 1} ms` } } });
    state.tickAt = undefined;
    expect(await healthz()).toMatchObject({ status: 503, checks: { poller: { ok: false, reason: 'the poller has not ticked yet' } } });
  });

  it('serves Prometheus text, answers 404 elsewhere and 405 to anything but GET', async () => {
    const metrics = await start();
    metrics.veoObserverFor('k')('generate', 'ok', 1200);
    metrics.veoObserverFor('k')('check-status', 'API_KEY_RATE_LIMIT_EXCEEDED', 80);
    metrics.onDelivered('webhook', null);
    metrics.onDelivered('dm', 42_000);
    metrics.onDiscordError('10008');
    const { status, body, headers } = await get('/metrics');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/plain');
    const families = parsePrometheusText(body);
    expect(families.get('process_cpu_user_seconds_total')?.type).toBe('counter');
    expect(sampleValue(families, 'veo_api_requests_total', { endpoint: 'generate', outcome: 'ok', key: 'k' })).toBe(1);
    expect(sampleValue(families, 'veo_api_requests_total', { endpoint: 'check-status', outcome: 'API_KEY_RATE_LIMIT_EXCEEDED', key: 'k' })).toBe(1);
    expect(sampleValue(families, 'veo_api_request_duration_seconds_count', { endpoint: 'generate' })).toBe(1);
    expect(sampleValue(families, 'veo_deliveries_total', { path: 'dm' })).toBe(1);
    expect(sampleValue(families, 'veo_delivery_delay_seconds_count')).toBe(1);
    expect(sampleValue(families, 'veo_delivery_delay_seconds_bucket', { le: '30' })).toBe(0);
    expect(sampleValue(families, 'veo_delivery_delay_seconds_bucket', { le: '60' })).toBe(1);
    expect(sampleValue(families, 'veo_discord_errors_total', { code: '10008' })).toBe(1);
    expect(sampleValue(families, 'veo_api_requests_left', { key: 'k' })).toBe(rateLimit.limit);
    expect(sampleValue(families, 'veo_generations', { state: 'queued' })).toBe(0);
    expect(families.get('veo_credits')?.samples.map((s) => s.labels['kind'])).toEqual(['charged', 'refunded', 'held']);

    expect((await get('/')).status).toBe(404);
    expect((await get('/metrics/extra')).status).toBe(404);
    const post = await get('/healthz', 'POST');
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
    expect((await get('/metrics', 'DELETE')).status).toBe(405);
  });

  it('writes to the database at most once a second, however often it is asked', async () => {
    await start();
    const checkedAt = () => (db.$client.prepare('select checked_at as at from health_probe').get() as { at: number } | undefined)?.at;
    expect((await healthz()).status).toBe(200);
    const first = checkedAt();
    expect(first).toBeDefined();
    clock.advance(999);
    state.tickAt = clock.now();
    expect((await healthz()).status).toBe(200);
    expect(checkedAt()).toBe(first);
    clock.advance(1);
    expect((await healthz()).status).toBe(200);
    expect(checkedAt()).not.toBe(first);
  });

  it('sums the ledger for /metrics at most once a minute', async () => {
    await start();
    const held = async () => sampleValue(parsePrometheusText((await get('/metrics')).body), 'veo_credits', { kind: 'held' });
    expect(await held()).toBe(0);
    const member = { guildId: 'g', userId: 'u', roleIds: [] };
    const generationId = insertGeneration(db, member, 30, clock.now());
    const at = clock.now();
    createRepos(db).ledger.append({ guildId: 'g', userId: 'u', generationId, kind: 'reserve', credits: 30, periodKey: 'week:2026-11-16', countsAt: at, reason: null, actorId: null, createdAt: at });
    clock.advance(CREDIT_TOTALS_MAX_AGE_MS - 1);
    expect(await held()).toBe(0);
    clock.advance(1);
    expect(await held()).toBe(30);
  });

  it('answers a request whose target is no URL with 400, and keeps serving', async () => {
    const lines: string[] = [];
    await start({ log: createLogger({ write: (line) => lines.push(line) }) });
    const answer = await rawRequest(server.url, 'GET //[x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    expect((await healthz()).status).toBe(200);
  });

  it('closes a connection whose headers never finish, and refuses connections beyond its cap', async () => {
    await start({ limits: { headersTimeoutMs: 100, requestTimeoutMs: 200, maxConnections: 2 }, timeoutCheckMs: 20 });
    // A client that sends half a request and waits: the server answers 408 and hangs up.
    expect(await rawRequest(server.url, 'GET /healthz HTTP/1.1\r\nHost: local')).toMatch(/^HTTP\/1\.1 408 /);

    const held = await Promise.all([openSocket(server.url), openSocket(server.url)]);
    try {
      const third = await openSocket(server.url);
      // Over the cap, Node closes the socket as soon as it is accepted, without a word.
      expect(await readAll(third)).toBe('');
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

async function rawRequest(url: string, text: string): Promise<string> {
  const socket = await openSocket(url);
  const answer = readAll(socket);
  socket.write(text);
  return answer;
}
