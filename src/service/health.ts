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

/** The bot is healthy when Discord's gateway is ready, the database takes a write and the poller ticks. */
export function createHealthCheck({ repo, clock, gatewayReady, pollerProgressAt, pollerMaxSilenceMs }: HealthDeps): HealthCheck {

  function database() {
    try {
      repo.probeWrite(clock.now());
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: `the database refused a write: ${error instanceof Error ? error.message : String(error)}` };
    }
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
