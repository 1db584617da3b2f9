import type { ServiceRepo } from '../../db/serviceRepo.js';
import type { Clock } from '../clock.js';

export interface HealthCheckResult {
  ok: boolean;
  /** Each check with `ok` and, when it failed, why. */
  checks: Record<'gateway' | 'database' | 'poller', { ok: boolean; reason?: string }>;
}

export interface HealthDeps {
  repo: ServiceRepo;
  clock: Clock;
  gatewayReady: () => boolean;
  /** When the poller last started or finished a tick. */
  pollerProgressAt: () => Date | undefined;
  /** Longer than this without a tick starting or finishing means the poller is stuck. */
  pollerMaxSilenceMs: number;
}

export type HealthCheck = () => HealthCheckResult;

/** A probe every second at most: `/healthz` is open to anyone who reaches the port, and each probe is a committed write. */
export const DATABASE_PROBE_MAX_AGE_MS = 1_000;

/**
 * The bot is healthy when Discord's gateway is ready, the database takes a write and the poller
 * ticks. The gateway and the poller are read on every call; the write's result is reused for up to a second.
 */
export function createHealthCheck({ repo, clock, gatewayReady, pollerProgressAt, pollerMaxSilenceMs }: HealthDeps): HealthCheck {

  let lastProbe: { at: number; result: { ok: boolean; reason?: string } } | undefined;

  function probe() {
    try {
      repo.probeWrite(clock.now());
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `the database refused a write: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  function database() {
    const now = clock.now().getTime();
    if (!lastProbe || now - lastProbe.at >= DATABASE_PROBE_MAX_AGE_MS || now < lastProbe.at) lastProbe = { at: now, result: probe() };
    return lastProbe.result;
  }

  function poller() {
    const at = pollerProgressAt();
    if (!at) return { ok: false, reason: 'the poller has not ticked yet' };
    const silentMs = clock.now().getTime() - at.getTime();
    return silentMs <= pollerMaxSilenceMs ? { ok: true } : { ok: false, reason: `the poller has not ticked for ${silentMs} ms` };
  }

  return () => {
    const checks = {
      gateway: gatewayReady() ? { ok: true } : { ok: false, reason: 'the Discord gateway is not ready' },
      database: database(),
      poller: poller(),
    };
    return { ok: Object.values(checks).every((check) => check.ok), checks };
  };
}
