// Runs in a worker thread with its own SQLite connection: reserves as fast as it can once every
// worker is ready, so that the reservations of all workers really contend for the same budget.
import { parentPort, workerData } from 'node:worker_threads';
import { closeDb, openDb } from '../../../db/client.js';
import { ManualClock } from '../../../src/clock.js';
import { UserFacingError } from '../../../src/domain/errors.js';
import type { MemberRef, QuotaDefaults } from '../../../src/domain/quota/types.js';
import { insertGeneration, quotaOn, submit } from './quotaFixture.js';

export interface ReserveWorkerInput {
  path: string;
  now: number;
  defaults: QuotaDefaults;
  members: MemberRef[];
  costs: number[];
  attempts: number;
  workers: number;
  /** Int32Array[1] counting ready workers: the start line. */
  gate: SharedArrayBuffer;
}

export interface ReserveWorkerOutput {
  accepted: { id: number; credits: number }[];
  refused: Record<string, number>;
  startedAt: number;
  endedAt: number;
}

const input = workerData as ReserveWorkerInput;
const db = openDb(input.path);
const clock = new ManualClock(input.now);
const quota = quotaOn({ db, clock, defaults: input.defaults });
const output: ReserveWorkerOutput = { accepted: [], refused: {}, startedAt: 0, endedAt: 0 };

const gate = new Int32Array(input.gate);
Atomics.add(gate, 0, 1);
Atomics.notify(gate, 0);
for (let ready = Atomics.load(gate, 0); ready < input.workers; ready = Atomics.load(gate, 0)) Atomics.wait(gate, 0, ready, 100);

output.startedAt = performance.timeOrigin + performance.now();
for (let i = 0; i < input.attempts; i++) {
  const member = input.members[i % input.members.length]!;
  const credits = input.costs[i % input.costs.length]!;
  try {
    // Half inside the caller's transaction (as the generation service does), half on their own.
    if (i % 2 === 0) {
      output.accepted.push({ id: submit(db, quota, clock, member, credits), credits });
    } else {
      const id = insertGeneration(db, member, credits, clock.now());
      quota.ledger.reserve(member, id, credits);
      output.accepted.push({ id, credits });
    }
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    output.refused[error.code] = (output.refused[error.code] ?? 0) + 1;
  }
}
output.endedAt = performance.timeOrigin + performance.now();
closeDb(db);
parentPort!.postMessage(output);
