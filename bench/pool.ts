import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type Job } from './job.js';
import type { Summary } from './stats.js';

/** Worker threads load TypeScript through tsx's API, as the main thread does through its CLI. */
function runInWorker(job: Job): Promise<Summary> {
  const entry = new URL('./job.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { benchJob: job } });
    let result: Summary | undefined;
    worker.once('message', (summary: Summary) => (result = summary));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`bench worker for ${job.scenario.label} ${job.strategy} exited with ${code}`))));
  });
}

/**
 * Runs independent jobs (each its own fake server, clock and database) on worker threads of this
 * one process, longest expected first; results come back in the jobs' order.
 */
export async function runJobs(jobs: Job[], cost: (job: Job) => number, threads = Math.min(4, availableParallelism())): Promise<Summary[]> {
  if (threads <= 1) {
    const results: Summary[] = [];
    for (const job of jobs) results.push(await runJob(job));
    return results;
  }
  const results = new Array<Summary | undefined>(jobs.length);
  const order = jobs.map((job, index) => ({ job, index })).sort((a, b) => cost(b.job) - cost(a.job));
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let item = order[next++]; item; item = order[next++]) results[item.index] = await runInWorker(item.job);
  };
  await Promise.all(Array.from({ length: threads }, lane));
  return results.map((summary, index) => summary ?? failed(jobs[index]!));
}

function failed(job: Job): never {
  throw new Error(`no result for ${job.scenario.label} ${job.strategy}`);
}
