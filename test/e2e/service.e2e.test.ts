import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { CREDIT_TOTALS_MAX_AGE_MS } from '../../src/service/metrics.js';
import { API_KEY, midPeriodClock, showsVideo, startWorld, type BotWorld } from '../support/botHarness.js';
import { fingerprintOf } from '../../src/veo/vendorKeys.js';
import { parsePrometheusText, sampleValue } from '../support/prometheusText.js';

const title = (embeds: unknown[]) => (embeds[0] as { title?: string } | undefined)?.title ?? '';

describe('health and metrics of the running bot', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  const url = (path: string) => `${world.bot.httpUrl!}${path}`;
  const healthz = async () => {
    const response = await fetch(url('/healthz'));
    return { status: response.status, ...((await response.json()) as { checks: Record<string, { ok: boolean; reason?: string }> }) };
  };
  const scrape = async () => parsePrometheusText(await (await fetch(url('/metrics'))).text());

  it('moves its metrics when a video is made end to end, and is unhealthy once the gateway drops', async () => {
    let skipMs = 0;
    const realTime = midPeriodClock();
    world = await startWorld({ env: { HTTP_PORT: '0' }, clock: { now: () => new Date(realTime.now().getTime() + skipMs) } });
    expect(world.logs.some((line) => line.includes('serving /healthz and /metrics') && line.includes(world.bot.httpUrl!))).toBe(true);
    expect((await healthz()).status).toBe(200);

    const before = await scrape();
    const interaction = world.prompt('a paper boat on a river');
    await world.discord.waitFor(() => showsVideo(interaction.original()) && title(interaction.original()!.embeds).includes('ready'));
    await world.bot.tick(); // the tick that delivered it has recorded the delivery by the time it ends
    skipMs += CREDIT_TOTALS_MAX_AGE_MS; // the ledger's totals are summed again at most once a minute
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    // Labelled by the key's fingerprint, never the key.
    const key = fingerprintOf(API_KEY);
    expect(moved('veo_api_requests_total', { endpoint: 'generate', outcome: 'ok', key })).toBe(1);
    expect(moved('veo_api_requests_total', { endpoint: 'check-status', outcome: 'ok', key })).toBeGreaterThanOrEqual(1);
    expect(moved('veo_deliveries_total', { path: 'webhook' })).toBeGreaterThanOrEqual(2); // "generating", then the video
    expect(moved('veo_delivery_delay_seconds_count')).toBe(1);
    expect(moved('veo_generations', { state: 'completed' })).toBe(1);
    expect(moved('veo_credits', { kind: 'charged' })).toBe(10);
    expect(sampleValue(after, 'veo_credits', { kind: 'held' })).toBe(0);
    expect(sampleValue(after, 'veo_api_requests_left', { key })).toBeLessThan(sampleValue(before, 'veo_api_requests_left', { key }));
    expect(sampleValue(after, 'veo_queue_length')).toBe(0);
    const labelNames = new Set([...after.values()].flatMap((family) => family.samples.flatMap((sample) => Object.keys(sample.labels))));
    expect([...labelNames].filter((name) => /guild|user|member|prompt|channel/i.test(name))).toEqual([]);
    expect(JSON.stringify([...after.values()])).not.toMatch(/paper boat|100000000000000001|200000000000000001/);

    // Discord goes away: the client keeps trying to reconnect, and health says why it is unhealthy.
    const reconnecting = new Promise((resolve) => world.bot.client.once(Events.ShardReconnecting, resolve));
    await world.discord.close();
    await reconnecting;
    const health = await healthz();
    expect(health).toMatchObject({ status: 503, checks: { gateway: { ok: false, reason: 'the Discord gateway is not ready' }, database: { ok: true } } });
  });
});
