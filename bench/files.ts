import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHANNEL_ID } from '../test/support/botHarness.js';
import { startChildWorld, type ChildWorld } from '../test/support/childBot.js';
import { startCommandArgs } from '../test/support/startCommand.js';

/**
 * Peak memory of the bot's own process (not the fakes') while ten 9 MB videos finish in the same
 * poller tick and go to Discord as files. Loopback only; stops by itself.
 * `npm run bench:files [concurrency]`
 */
const VIDEOS = 10;
const VIDEO_BYTES = 9_000_000;
const GOAL_MB = 60;
const IDLE_MS = 3000;
const concurrency = process.argv[2] ?? '2';
const MB = 1024 * 1024;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function sampleFor(pid: number, ms: number): Promise<number[]> {
  const samples: number[] = [];
  const until = Date.now() + ms;
  while (Date.now() < until) {
    samples.push(memoryOf(pid).rss);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return samples;
}

async function run(): Promise<void> {
  let finishAt = Number.MAX_SAFE_INTEGER;
  const world: ChildWorld = await startChildWorld({
    // The compiled bot, as `npm start` runs it: figures comparable with bench:service's.
    entry: { cwd: projectRoot, args: startCommandArgs(projectRoot) },
    env: { DEFAULT_BUDGET_PERIOD: 'unlimited', LOG_LEVEL: 'info', VIDEO_FILE_CONCURRENCY: concurrency, VIDEO_DOWNLOAD_TIMEOUT_MS: '60000' },
    // Every shot ends at the same moment, so one poll finds all ten finished.
    api: { videoBytes: VIDEO_BYTES, shotDurationMs: () => Math.max(50, finishAt - Date.now()) },
  });
  try {
    const bot = await world.start();
    const pid = bot.pid;
    // Idle: connected, commands registered, the poller ticking with nothing to do.
    const idleSamples = await sampleFor(pid, IDLE_MS);
    const idle = idleSamples.slice(-Math.floor(idleSamples.length / 2)).reduce((a, b) => a + b, 0) / Math.ceil(idleSamples.length / 2);
    // Resets the kernel's peak-RSS mark (VmHWM), so the peak below is this run's alone.
    writeFileSync(`/proc/${pid}/clear_refs`, '5');

    finishAt = Date.now() + 2000;
    const interactions = Array.from({ length: VIDEOS }, (_, i) => world.prompt(`benchmark video ${i + 1}`));
    let sampledPeak = 0;
    const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, memoryOf(pid).rss)), 10);
    await world.discord.waitFor(() => interactions.every((i) => (i.original()?.attachments.length ?? 0) > 0), 120_000);
    clearInterval(sampler);
    const seconds = (Date.now() - finishAt) / 1000;
    const peak = Math.max(memoryOf(pid).peak, sampledPeak);
    const onePoll = world.api.requests.some(
      (r) => r.endpoint === 'check-status' && ((r.body as { taskIds?: unknown[] } | null)?.taskIds?.length ?? 0) >= VIDEOS && r.status === 200,
    );
    const attached = world.discord.channelMessages(CHANNEL_ID).filter((m) => m.attachments.length > 0).length;
    const above = (peak - idle) / MB;
    console.log(`\nvideo file delivery: ${VIDEOS} videos of ${(VIDEO_BYTES / 1e6).toFixed(0)} MB, VIDEO_FILE_CONCURRENCY=${concurrency}`);
    console.log(`all finished in one check-status: ${onePoll ? 'yes' : 'no'}; replies with the file: ${attached}/${VIDEOS}; ready→all attached ${seconds.toFixed(1)} s\n`);
    console.log('measure                                  goal     ours  result');
    console.log('---------------------------------------  -------  ----  ------');
    console.log(`bot RSS idle (MB)                                 ${(idle / MB).toFixed(0).padStart(4)}`);
    console.log(`bot RSS peak (MB)                                 ${(peak / MB).toFixed(0).padStart(4)}`);
    console.log(`peak above idle (MB)                     ≤ ${GOAL_MB}     ${above.toFixed(0).padStart(4)}  ${above <= GOAL_MB ? 'PASS' : 'MISS'}`);
  } finally {
    await world.close();
  }
}

await run();
