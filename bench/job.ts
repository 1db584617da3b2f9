import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { oursStrategy } from './oursStrategy.js';
import { simulate, type Scenario, type StrategyFactory } from './simulation.js';
import { summarise, type Summary } from './stats.js';
import { vendorStrategy } from './vendorStrategy.js';

export const strategies = { ours: oursStrategy, 'vendor example': vendorStrategy } satisfies Record<string, StrategyFactory>;
export type StrategyName = keyof typeof strategies;

/** One scenario under one strategy: the unit of work a worker thread runs. */
export interface Job {
  scenario: Scenario;
  strategy: StrategyName;
}

export async function runJob(job: Job): Promise<Summary> {
  return summarise(await simulate(job.scenario, job.strategy, strategies[job.strategy]));
}

const data: unknown = workerData;
if (!isMainThread && parentPort && typeof data === 'object' && data !== null && 'benchJob' in data) {
  parentPort.postMessage(await runJob((data as { benchJob: Job }).benchJob));
}
