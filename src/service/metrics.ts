import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Repos } from '../../db/repos.js';
import type { CreditTotals } from '../../db/serviceRepo.js';
import type { Clock } from '../clock.js';
import type { GenerationState } from '../domain/generation.js';
import type { DeliveryObserver } from '../domain/ports.js';
import type { DiscordErrorObserver } from '../discord/restErrors.js';
import type { VeoRequestObserver } from '../veo/client.js';

export interface ServiceMetrics {
  registry: Registry;
  /** The observer of one key's client: its requests are labelled with its fingerprint. */
  veoObserverFor(keyFingerprint: string): VeoRequestObserver;
  onDelivered: DeliveryObserver;
  onDiscordError: DiscordErrorObserver;
}

const states: GenerationState[] = ['awaiting_approval', 'queued', 'submitting', 'running', 'completed', 'partial', 'failed'];

/**
 * The ledger's all-time totals sum every row it ever had (about 90 ms at 100 000 generations), so a
 * scrape reuses them for up to a minute; the other gauges cost well under a millisecond each.
 */
export const CREDIT_TOTALS_MAX_AGE_MS = 60_000;

/**
 * The operator's Prometheus metrics. What the database knows (generations, queue, the key's
 * window, the ledger) is read at scrape time (the ledger's totals at most once a minute), so it survives restarts and cannot drift; events
 * (requests, deliveries, errors) are counted as they happen. No label names a member, a server or
 * a prompt.
 */
export interface ServiceMetricsDeps {
  repos: Repos;
  /** What each key's request budget has left, by fingerprint, read at scrape time. */
  requestsLeft: () => ReadonlyMap<string, number>;
  clock: Clock;
}

export function createServiceMetrics({ repos, requestsLeft, clock }: ServiceMetricsDeps): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { service, generations } = repos;
  const registers = [registry];
  let credits: { at: number; totals: CreditTotals } | undefined;
  const creditTotals = () => {
    const now = clock.now().getTime();
    if (!credits || now - credits.at >= CREDIT_TOTALS_MAX_AGE_MS || now < credits.at) credits = { at: now, totals: service.creditTotals() };
    return credits.totals;
  };

  new Gauge({
    name: 'veo_generations',
    help: 'Generations stored, by state',
    labelNames: ['state'],
    registers,
    collect() {
      const counts = service.generationsByState();
      for (const state of states) this.set({ state }, counts[state] ?? 0);
    },
  });
  new Gauge({
    name: 'veo_queue_length',
    help: 'Requests waiting for the API key',
    registers,
    collect() {
      this.set(generations.queueLength());
    },
  });
  new Gauge({
    name: 'veo_api_requests_left',
    help: "Requests left in each API key's rolling window (0 while the vendor asked for a pause), by the key's fingerprint",
    labelNames: ['key'],
    registers,
    collect() {
      for (const [key, left] of requestsLeft()) this.set({ key }, left);
    },
  });
  new Gauge({
    name: 'veo_credits',
    help: 'Credits in the ledger: charged (what the API charged for settled generations), refunded (for failed shots), held (reserved, not settled yet); up to a minute old',
    labelNames: ['kind'],
    registers,
    collect() {
      const totals = creditTotals();
      for (const kind of ['charged', 'refunded', 'held'] as const) this.set({ kind }, totals[kind]);
    },
  });

  const apiRequests = new Counter({
    name: 'veo_api_requests_total',
    help: "Requests to the nanophoto API, by endpoint, outcome (ok, the API error code, or transport_*) and the key's fingerprint",
    labelNames: ['endpoint', 'outcome', 'key'],
    registers,
  });
  const apiDuration = new Histogram({
    name: 'veo_api_request_duration_seconds',
    help: 'Time from sending a nanophoto API request to its parsed answer',
    labelNames: ['endpoint'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const deliveries = new Counter({
    name: 'veo_deliveries_total',
    help: 'States shown in Discord, by path: webhook, channel_edit, new_message, dm',
    labelNames: ['path'],
    registers,
  });
  const deliveryDelay = new Histogram({
    name: 'veo_delivery_delay_seconds',
    help: 'From a generation being ready (finished) to its final state being shown in Discord',
    buckets: [1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
    registers,
  });
  const discordErrors = new Counter({
    name: 'veo_discord_errors_total',
    help: "Discord REST requests refused, by Discord's error code (http_<status> without one, or network)",
    labelNames: ['code'],
    registers,
  });

  return {
    registry,
    veoObserverFor: (key) => (endpoint, outcome, durationMs) => {
      apiRequests.inc({ endpoint, outcome, key });
      apiDuration.observe({ endpoint }, durationMs / 1000);
    },
    onDelivered(path, shownAfterMs) {
      deliveries.inc({ path });
      if (shownAfterMs !== null) deliveryDelay.observe(Math.max(0, shownAfterMs) / 1000);
    },
    onDiscordError: (code) => discordErrors.inc({ code }),
  };
}
