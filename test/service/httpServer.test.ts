import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createRepos } from '../../db/repos.js';
import { ManualClock } from '../../src/clock.js';
import { createRequestBudget } from '../../src/domain/requestBudget.js';
import { silentLogger } from '../../src/log.js';
import { createHealthCheck } from '../../src/service/health.js';
import { startHttpServer, type RunningHttpServer } from '../../src/service/httpServer.js';
import { createServiceMetrics } from '../../src/service/metrics.js';
import { parsePrometheusText, sampleValue } from '../support/prometheusText.js';

const rateLimit = { limit: 100, windowMs: 3_600_000, pollReserve: 12, submitReserve: 5, burst: 20 };
const TICK_SILENCE_MS = 1_000;

describe('the health and metrics server', () => {
  let db: Db;
  let server: RunningHttpServer;
  const clock = new ManualClock(Date.UTC(2026, 10, 18, 12));
  const state = { gateway: true, tickAt: clock.now() as Date | undefined, dbOpen: true };

  async function start() {
    db = openDb(':memory:');
    state.dbOpen = true;
    const repos = createRepos(db);
    const health = createHealthCheck({ repo: repos.service, clock, gatewayReady: () => state.gateway, pollerProgressAt: () => state.tickAt, pollerMaxSilenceMs: TICK_SILENCE_MS });
    const budget = createRequestBudget({ repo: repos.apiBudget, transaction: repos.transaction, clock, ...rateLimit });
    const metrics = createServiceMetrics({ repos, requestsLeft: budget.available });
    server = await startHttpServer({ host: '127.0.0.1', port: 0, health, metrics: metrics.registry, log: silentLogger });
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
    metrics.onVeoRequest('generate', 'ok', 1200);
    metrics.onVeoRequest('check-status', 'API_KEY_RATE_LIMIT_EXCEEDED', 80);
    metrics.onDelivered('webhook', null);
    metrics.onDelivered('dm', 42_000);
    metrics.onDiscordError('10008');
    const { status, body, headers } = await get('/metrics');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/plain');
    const families = parsePrometheusText(body);
    expect(families.get('process_cpu_user_seconds_total')?.type).toBe('counter');
    expect(sampleValue(families, 'veo_api_requests_total', { endpoint: 'generate', outcome: 'ok' })).toBe(1);
    expect(sampleValue(families, 'veo_api_requests_total', { endpoint: 'check-status', outcome: 'API_KEY_RATE_LIMIT_EXCEEDED' })).toBe(1);
    expect(sampleValue(families, 'veo_api_request_duration_seconds_count', { endpoint: 'generate' })).toBe(1);
    expect(sampleValue(families, 'veo_deliveries_total', { path: 'dm' })).toBe(1);
    expect(sampleValue(families, 'veo_delivery_delay_seconds_count')).toBe(1);
    expect(sampleValue(families, 'veo_delivery_delay_seconds_bucket', { le: '30' })).toBe(0);
    expect(sampleValue(families, 'veo_delivery_delay_seconds_bucket', { le: '60' })).toBe(1);
    expect(sampleValue(families, 'veo_discord_errors_total', { code: '10008' })).toBe(1);
    expect(sampleValue(families, 'veo_api_requests_left')).toBe(rateLimit.limit);
    expect(sampleValue(families, 'veo_generations', { state: 'queued' })).toBe(0);
    expect(families.get('veo_credits')?.samples.map((s) => s.labels['kind'])).toEqual(['charged', 'refunded', 'held']);

    expect((await get('/')).status).toBe(404);
    expect((await get('/metrics/extra')).status).toBe(404);
    const post = await get('/healthz', 'POST');
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
    expect((await get('/metrics', 'DELETE')).status).toBe(405);
  });
});
