import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CHANNEL_ID, GUILD_ID, dispatchPrompt, member, startFakeServices, testBotEnv, type FakeServicesOptions } from './botHarness.js';
import type { CommandOption, FakeAttachment, FakeDiscord, FakeInteraction, FakeMessage, FakeUser } from './fakeDiscord/index.js';
import type { FakeNanophoto } from './fakeNanophoto.js';

/**
 * The bot as a real child process (`node --import tsx src/index.ts`, or the built JavaScript), so tests can SIGKILL it
 * mid-run and restart it on the same database, and read its stdout as the operator would.
 */

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One JSON log line; `raw` keeps lines that were not JSON (stderr, stack traces). */
export interface LogEntry {
  level?: string;
  msg?: string;
  raw: string;
  [field: string]: unknown;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildBot {
  pid: number;
  /** stdout and stderr, one entry per line, in arrival order. */
  lines: string[];
  logs: LogEntry[];
  waitForLog(predicate: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** Signals this child only, by its own pid. */
  kill(signal: NodeJS.Signals): void;
  exited: Promise<ChildExit>;
  alive(): boolean;
}

/** How the bot is started: from source by default, or e.g. `node dist/src/index.js` in a built copy. */
export interface ChildEntry {
  cwd: string;
  args: string[];
}

const fromSource: ChildEntry = { cwd: projectRoot, args: ['--import', 'tsx', join('src', 'index.ts')] };

export interface ChildBotOptions {
  discordUrl: string;
  apiUrl: string;
  databasePath: string;
  env?: Record<string, string>;
  entry?: ChildEntry;
}

const live = new Set<ChildBot>();

function parseLine(raw: string): LogEntry {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...(parsed as Record<string, unknown>), raw };
  } catch {
    // not a log line: kept raw
  }
  return { raw };
}

/** Spawns the bot; resolves once it logged that it is ready (commands registered, poller started). */
export async function startChildBot(options: ChildBotOptions, readyTimeoutMs = 15_000): Promise<ChildBot> {
  const bot = spawnChildBot(options);
  await bot.waitForLog((entry) => entry.msg?.startsWith('bot ready') === true, readyTimeoutMs);
  return bot;
}

/** Spawns the bot without waiting for it: for starts that are meant to fail. */
export function spawnChildBot(options: ChildBotOptions): ChildBot {
  // Built from scratch: nothing of the test runner's environment leaks into the bot.
  const env: Record<string, string> = {
    ...testBotEnv(options),
    // These tests are about restarts and faults, not the request budget: room for every request.
    API_RATE_LIMIT: '1000',
    API_BURST: '1000',
    // Faults and kills make unknown outcomes on purpose: the key must not pause for them here.
    UNKNOWN_OUTCOME_PAUSE: '1000000',
    // The documented defaults, pinned: src/index.ts also reads a developer's .env, and the
    // environment wins over it.
    API_RATE_WINDOW_MS: '3600000',
    API_POLL_RESERVE: '12',
    API_SUBMIT_RESERVE: '5',
    POLL_BATCH_SIZE: '50',
    QUEUE_MAX_WAIT_MS: '21600000',
    INTERACTION_TOKEN_TTL_MS: '840000',
    CONFIRMATION_TTL_MS: '600000',
    DEFAULT_SERVER_BUDGET: '300',
    DEFAULT_BUDGET_PERIOD: 'week',
    DEFAULT_MEMBER_CAP: '0',
    CONFIRM_THRESHOLD: '30',
    VIDEO_FILES: 'on',
    VIDEO_FILE_CONCURRENCY: '2',
    VIDEO_DOWNLOAD_TIMEOUT_MS: '120000',
    VIDEO_DOWNLOAD_RETRIES: '3',
    ...options.env,
  };
  const entry = options.entry ?? fromSource;
  const child = spawn(process.execPath, entry.args, { cwd: entry.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn the bot');

  const lines: string[] = [];
  const logs: LogEntry[] = [];
  const watchers = new Set<() => void>();
  const push = (line: string) => {
    if (line === '') return;
    lines.push(line);
    logs.push(parseLine(line));
    for (const watcher of [...watchers]) watcher();
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      parts.forEach(push);
    });
    stream.on('end', () => push(pending));
  }

  let done: ChildExit | undefined;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('close', (code, signal) => {
      done = { code, signal };
      for (const watcher of [...watchers]) watcher();
      resolve(done);
    });
  });

  const bot: ChildBot = {
    pid,
    lines,
    logs,
    exited,
    alive: () => done === undefined,
    kill(signal) {
      if (done === undefined) process.kill(pid, signal);
    },
    waitForLog(predicate, timeoutMs = 10_000) {
      return new Promise<LogEntry>((resolve, reject) => {
        let seen = 0;
        const finish = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        const check = () => {
          for (; seen < logs.length; seen += 1) {
            const entry = logs[seen]!;
            if (predicate(entry)) {
              finish();
              resolve(entry);
              return;
            }
          }
          if (done !== undefined) {
            finish();
            reject(new Error(`the bot exited (${JSON.stringify(done)}) before the awaited log line. Last lines:\n${lines.slice(-15).join('\n')}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`waitForLog timed out after ${timeoutMs} ms. Last lines:\n${lines.slice(-15).join('\n')}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
  };
  live.add(bot);
  void exited.then(() => live.delete(bot));
  return bot;
}

/** For afterEach: SIGKILLs every child still running, each by its own pid, and waits for them. */
export async function killLeftoverChildren(): Promise<void> {
  const left = [...live];
  for (const bot of left) bot.kill('SIGKILL');
  await Promise.all(left.map((bot) => bot.exited));
}

/** Both fakes, a private database folder, and the bot as a child that can be restarted on it. */
export interface ChildWorld {
  discord: FakeDiscord;
  api: FakeNanophoto;
  databasePath: string;
  /** The running child, or the last one. */
  bot: ChildBot;
  /** Every child started in this world, oldest first. */
  bots: ChildBot[];
  /** Every line of every child. */
  allLines(): string[];
  allLogs(): LogEntry[];
  start(env?: Record<string, string>): Promise<ChildBot>;
  prompt(text: string, extra?: CommandOption[], attachments?: FakeAttachment[], user?: FakeUser): FakeInteraction;
  close(): Promise<void>;
}

export interface ChildWorldOptions extends FakeServicesOptions {
  env?: Record<string, string>;
  entry?: ChildEntry;
}

export async function startChildWorld(options: ChildWorldOptions = {}): Promise<ChildWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'veo-child-'));
  const databasePath = join(dir, 'data', 'bot.db');
  const { discord, api } = await startFakeServices(options);
  const bots: ChildBot[] = [];
  const world: ChildWorld = {
    discord,
    api,
    databasePath,
    bots,
    get bot(): ChildBot {
      const last = bots[bots.length - 1];
      if (!last) throw new Error('no bot started yet');
      return last;
    },
    allLines: () => bots.flatMap((bot) => bot.lines),
    allLogs: () => bots.flatMap((bot) => bot.logs),
    async start(env = {}) {
      const bot = await startChildBot({ discordUrl: discord.restUrl, apiUrl: api.url, databasePath, env: { ...options.env, ...env }, ...(options.entry ? { entry: options.entry } : {}) });
      bots.push(bot);
      return bot;
    },
    prompt: (text, extra, attachments, user) => dispatchPrompt(discord, text, extra, attachments, user),
    async close() {
      await killLeftoverChildren();
      await discord.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The bot's last log lines for a failed test, without the tick-by-tick debug lines. */
export function lastLines(world: ChildWorld | undefined, count = 40): string {
  return (world?.allLines() ?? []).filter((line) => !line.includes('"poller tick done"')).slice(-count).join('\n');
}

/** What the tests read back from the bot's database, through a read-only handle. */
export interface GenerationRow {
  id: number;
  state: string;
  errorCode: string | null;
  replyMessageId: string | null;
  revision: number;
  deliveredRevision: number;
  credits: number;
  creditsUsed: number | null;
}

export interface LedgerRow {
  generationId: number | null;
  kind: 'reserve' | 'settle' | 'refund' | 'release' | 'adjust' | 'unknown';
  credits: number;
  guildId: string;
}

export function readDatabase(path: string): { generations: GenerationRow[]; ledger: LedgerRow[]; shots: { id: string; generationId: number; state: string }[] } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const generations = db
      .prepare(
        `select id, state, error_code as errorCode, reply_message_id as replyMessageId,
                revision, delivered_revision as deliveredRevision, credits, credits_used as creditsUsed
           from generations order by id`,
      )
      .all() as GenerationRow[];
    const ledger = db.prepare('select generation_id as generationId, kind, credits, guild_id as guildId from credit_ledger order by id').all() as LedgerRow[];
    const shots = db.prepare('select id, generation_id as generationId, state from shots order by id').all() as { id: string; generationId: number; state: string }[];
    return { generations, ledger, shots };
  } finally {
    db.close();
  }
}

/**
 * A server's ledger, summed the way the schema defines it: used = settled − refunded + open,
 * where settled is reserve + settle (what the API charged), refunded the refund rows, and open
 * the reservations that were never settled nor released. `unknown` rows (what submits of unknown
 * outcome may have cost) are the operator's, not the server's usage: summed apart.
 */
export function ledgerBalance(ledger: LedgerRow[], guildId = GUILD_ID) {
  const all = ledger.filter((row) => row.guildId === guildId);
  const rows = all.filter((row) => row.kind !== 'unknown');
  const sum = (list: LedgerRow[]) => list.reduce((total, row) => total + row.credits, 0);
  const ofKind = (kind: LedgerRow['kind']) => rows.filter((row) => row.kind === kind);
  const closedBy = (kind: 'settle' | 'release') => new Set(ofKind(kind).map((row) => row.generationId));
  const settledIds = closedBy('settle');
  const releasedIds = closedBy('release');
  const reserves = ofKind('reserve');
  return {
    used: sum(rows),
    settled: sum(reserves.filter((row) => settledIds.has(row.generationId))) + sum(ofKind('settle')),
    refunded: -sum(ofKind('refund')),
    released: -sum(ofKind('release')),
    open: sum(reserves.filter((row) => !settledIds.has(row.generationId) && !releasedIds.has(row.generationId))),
    adjusted: sum(ofKind('adjust')),
    unknown: sum(all.filter((row) => row.kind === 'unknown')),
    settledIds,
    releasedIds,
  };
}

const finalStates = new Set(['completed', 'partial', 'failed']);

/** Waits until every generation is finished and Discord has been told its latest state. */
export function waitUntilAllDelivered(world: ChildWorld, timeoutMs = 15_000): Promise<ReturnType<typeof readDatabase>> {
  return world.discord.waitFor(() => {
    const db = readDatabase(world.databasePath);
    const settled = db.generations.every((g) => finalStates.has(g.state) && g.deliveredRevision === g.revision);
    return db.generations.length > 0 && settled && db;
  }, timeoutMs);
}

const footerOf = (message: FakeMessage) => (message.embeds[0] as { footer?: { text?: string } } | undefined)?.footer?.text ?? '';

/** Messages anyone can see (channel, or the member's DMs) that show generation `id`. */
export function messagesShowing(world: ChildWorld, id: number, userIds: readonly string[] = [member.id]): FakeMessage[] {
  const all = [...world.discord.channelMessages(CHANNEL_ID), ...userIds.flatMap((userId) => world.discord.dmMessages(userId))];
  return all.filter((message) => !message.deleted && !message.ephemeral && footerOf(message).startsWith(`Generation #${id} `));
}

/** Deferred replies ("thinking…") that were never edited into anything. */
export function stuckDeferredReplies(world: ChildWorld): FakeMessage[] {
  const LOADING = 1 << 7;
  return world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.deleted && !m.ephemeral && (m.flags & LOADING) !== 0);
}

const prices: Record<string, number> = { '720p': 10, '1080p': 14, '4k': 30 };

/**
 * What the vendor kept, split into what the bot's ledger knows (settled generations) and what it
 * cannot know: generate calls whose answer never arrived (the outcome-unknown case).
 */
export function vendorBooks(api: FakeNanophoto, initialCredits: number, settledIds: ReadonlySet<number | null>) {
  const orphans = new Map<number, number>();
  for (const task of api.tasks()) {
    const generationId = Number(/^veo-(\d+)-\d+$/.exec(task.shotId)?.[1]);
    if (settledIds.has(generationId)) continue;
    orphans.set(generationId, (orphans.get(generationId) ?? 0) + (task.state === 'failed' ? 0 : (prices[task.resolution] ?? 0)));
  }
  const orphanCost = [...orphans.values()].reduce((a, b) => a + b, 0);
  return { net: initialCredits - api.creditsLeft(), orphanIds: [...orphans.keys()], orphanCost };
}
