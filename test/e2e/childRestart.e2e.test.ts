import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../domain/quota/random.js';
import { API_KEY, BOT_TOKEN, member, showsVideo } from '../support/botHarness.js';
import {
  killLeftoverChildren,
  ledgerBalance,
  messagesShowing,
  readDatabase,
  startChildWorld,
  stuckDeferredReplies,
  vendorBooks,
  waitUntilAllDelivered,
  type ChildWorld,
  lastLines,
} from '../support/childBot.js';
import type { RecordedRequest as DiscordRequest, FakeInteraction, FakeMessage } from '../support/fakeDiscord/index.js';
import type { RecordedRequest as ApiRequest } from '../support/fakeNanophoto.js';

/**
 * The bot as a real process, killed with SIGKILL at chosen and seeded-random moments and restarted
 * on the same database: every video must reach its member once, and every credit must add up.
 */

// Replay another run with KILL_SEED=<n> npx vitest run test/e2e/childRestart.e2e.test.ts
const SEED = Number(process.env['KILL_SEED'] ?? 20_261_125);
const CREDITS = 100_000;
// No budget refusal: these tests are about restarts.
const childEnv = { DEFAULT_BUDGET_PERIOD: 'unlimited' };
const failsWhen = (prompt: string) => /\bdoomed\b/.test(prompt);

describe('the bot as a child process, killed and restarted', () => {
  let world: ChildWorld;
  /** Runs synchronously whenever the fake API reads its clock, which it does while handling each request. */
  let onApiClock: (() => void) | undefined;

  afterEach(async ({ task }) => {
    onApiClock = undefined;
    if (task.result?.state === 'fail' && !task.fails) console.error(`last lines of the bot:\n${lastLines(world)}`);
    await killLeftoverChildren();
    await world?.close();
  });

  async function startWorld(): Promise<ChildWorld> {
    world = await startChildWorld({
      env: childEnv,
      api: {
        credits: CREDITS,
        rateLimit: 10_000,
        shotDurationMs: 300,
        now: () => {
          onApiClock?.();
          return Date.now();
        },
        outcome: (shot) => (failsWhen(shot.prompt) ? { status: 'failed', error: 'vendor says no' } : { status: 'completed' }),
      },
    });
    await world.start();
    return world;
  }

  /** SIGKILLs the bot while the n-th matching API request is being handled, before the bot hears the answer. */
  function killAtApiRequest(match: (request: ApiRequest) => boolean, n = 1): Promise<void> {
    const bot = world.bot;
    let seen = world.api.requests.length;
    let count = 0;
    return new Promise((resolve) => {
      onApiClock = () => {
        for (; seen < world.api.requests.length; seen += 1) {
          if (!match(world.api.requests[seen]!) || (count += 1) < n) continue;
          onApiClock = undefined;
          bot.kill('SIGKILL');
          resolve();
          return;
        }
      };
    });
  }

  /** SIGKILLs the bot as Discord accepts a matching request, before the bot reads Discord's answer. */
  async function killAtDiscordRequest(match: (request: DiscordRequest) => boolean, timeoutMs = 8000): Promise<void> {
    const bot = world.bot;
    const from = world.discord.requests.length;
    // waitFor runs its predicate synchronously on every change of the fake, which precedes the response.
    await world.discord.waitFor(() => {
      if (!world.discord.requests.slice(from).some(match)) return false;
      bot.kill('SIGKILL');
      return true;
    }, timeoutMs);
  }

  // The edit that shows a finished video: its link, or why it could not be made.
  const delivering = (request: DiscordRequest) =>
    request.method === 'PATCH' && request.status === 200 && /ready|could not be made/.test((request.body as { embeds?: { title?: string }[] } | undefined)?.embeds?.[0]?.title ?? '');
  const firstEdit = (request: DiscordRequest) => request.method === 'PATCH' && request.status === 200 && request.path.endsWith('/messages/@original');

  async function restart(): Promise<void> {
    const exit = await world.bot.exited;
    expect(exit.signal).toBe('SIGKILL');
    await world.start();
  }

  /** Dispatches a prompt and waits until its reply shows the generation and the bot recorded that. */
  async function promptShown(text: string): Promise<FakeInteraction> {
    const interaction = world.prompt(text);
    await world.discord.waitFor(() => {
      const reply = interaction.original();
      const id = /Generation #(\d+)/.exec(JSON.stringify(reply?.embeds ?? []))?.[1];
      const row = id ? readDatabase(world.databasePath).generations.find((g) => g.id === Number(id)) : undefined;
      return row?.replyMessageId === reply?.id && row !== undefined;
    });
    return interaction;
  }

  const finalTitle = /ready|could not be made/;
  const titleOf = (message: FakeMessage) => (message.embeds[0] as { title?: string } | undefined)?.title ?? '';

  /**
   * Each generation's outcome is shown exactly once, in the message the bot records as its reply;
   * returns the messages left showing an earlier state of a finished generation (stale copies).
   */
  function checkEveryOutcomeShownOnce(db: ReturnType<typeof readDatabase>): FakeMessage[] {
    const stale: FakeMessage[] = [];
    for (const generation of db.generations) {
      const shown = messagesShowing(world, generation.id);
      const final = shown.filter((m) => finalTitle.test(titleOf(m)));
      stale.push(...shown.filter((m) => !finalTitle.test(titleOf(m))));
      expect(final, `generation #${generation.id} (${generation.state}) is shown once`).toHaveLength(1);
      const message = final[0]!;
      expect(message.id).toBe(generation.replyMessageId);
      const links = world.api.tasks().filter((t) => t.shotId.startsWith(`veo-${generation.id}-`) && t.videoUrl).map((t) => t.videoUrl!);
      if (generation.state === 'completed' || generation.state === 'partial') {
        expect(links.length).toBeGreaterThan(0);
        // The videos are attached, or, where they could not be, linked.
        expect(message.attachments.length === links.length || links.every((link) => message.content.includes(link))).toBe(true);
      } else {
        expect(titleOf(message)).toMatch(/could not be made/);
        expect(showsVideo(message)).toBe(false);
      }
      // No video link turns up in a second message.
      const elsewhere = world.discord.channelMessages(message.channelId).filter((m) => m.id !== message.id && !m.deleted);
      const itsFile = (name: string) => name.startsWith(`veo-${generation.id}.`) || name.startsWith(`veo-${generation.id}-`);
      expect(elsewhere.some((m) => m.attachments.some((a) => itsFile(a.filename)) || links.some((link) => m.content.includes(link)))).toBe(false);
    }
    return stale;
  }

  function checkTheBooks(db: ReturnType<typeof readDatabase>): void {
    const books = ledgerBalance(db.ledger);
    expect(books.open).toBe(0);
    expect(books.used).toBe(books.settled - books.refunded + books.open);
    const vendor = vendorBooks(world.api, CREDITS, books.settledIds);
    // The vendor kept what the ledger settled minus its refunds, plus only what the bot could not know.
    expect(vendor.net).toBe(books.settled - books.refunded + vendor.orphanCost);
    // And the operator's limits counted at least that much as possibly spent.
    expect(books.unknown).toBeGreaterThanOrEqual(vendor.orphanCost);
    for (const id of vendor.orphanIds) {
      const orphan = db.generations.find((g) => g.id === id)!;
      expect(orphan).toMatchObject({ state: 'failed', errorCode: 'OUTCOME_UNKNOWN', creditsUsed: null });
      expect(books.releasedIds.has(id)).toBe(true);
    }
  }

  it('delivers every video exactly once and balances the ledger across SIGKILLs at seeded-random points', async () => {
    const random = mulberry32(SEED);
    const started = Date.now();
    await startWorld();
    const interactions: FakeInteraction[] = [];
    const kills: string[] = [];
    let n = 0;
    const nextPrompt = () => {
      n += 1;
      return random.pick([`a red fox number ${n}`, `a harbour at dawn ${n} || gulls over it`, `a doomed castle ${n}`, `a kite ${n} || a doomed storm`]);
    };

    // A submission cut off between "reserved" and the API's answer: the vendor took it, the bot never heard.
    world.api.injectFault('generate', { kind: 'hang' });
    interactions.push(world.prompt('a hang glider over the sea'));
    const submitted = killAtApiRequest((r) => r.endpoint === 'generate');
    await submitted;
    kills.push('generate in flight (hung)');
    await restart();
    const released = await world.bot.waitForLog((e) => e.msg === 'generate outcome unknown at the vendor: released the reservation, not re-sent');
    expect(released).toMatchObject({ level: 'error', code: 'OUTCOME_UNKNOWN' });
    expect(world.bot.logs.some((e) => e.msg === 'released submissions cut off by the last shutdown' && e['count'] === 1)).toBe(true);

    for (let round = 1; round <= 3; round += 1) {
      const kind = random.pick(['submit', 'poll', 'delivery'] as const);
      interactions.push(await promptShown(nextPrompt()));
      if (kind === 'submit') {
        const killed = killAtApiRequest((r) => r.endpoint === 'generate');
        interactions.push(world.prompt(nextPrompt()));
        await killed;
      } else {
        interactions.push(await promptShown(nextPrompt()));
        if (kind === 'poll') await killAtApiRequest((r) => r.endpoint === 'check-status', random.int(1, 3));
        else await killAtDiscordRequest(delivering);
      }
      kills.push(kind);
      await restart();
    }
    interactions.push(await promptShown(nextPrompt()));

    const db = await waitUntilAllDelivered(world);
    expect(db.generations.length).toBeGreaterThanOrEqual(6);
    const stale = checkEveryOutcomeShownOnce(db);
    checkTheBooks(db);
    // The reply's message id is stored as soon as the reply is deferred, so no kill leaves a reply
    // behind or makes the restarted bot post a second one.
    const leftBehind = [...stale, ...stuckDeferredReplies(world)];
    expect(leftBehind).toEqual([]);
    expect(world.bot.alive()).toBe(true);

    // Security, checked on this run's own files and logs.
    expect(statSync(world.databasePath).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(world.databasePath)).mode & 0o777).toBe(0o700);
    const logText = world.allLines().join('\n');
    for (const secret of [BOT_TOKEN, API_KEY, ...interactions.map((i) => i.token)]) expect(logText).not.toContain(secret);
    const replies = [...world.discord.channelMessages(world.discord.defaultChannelId), ...world.discord.dmMessages(member.id)];
    for (const secret of [BOT_TOKEN, API_KEY]) expect(JSON.stringify(replies)).not.toContain(secret);
    expect(logText).not.toMatch(/unhandled/i);
    console.info(`SIGKILL run (seed ${SEED}): kills ${kills.join(', ')}; ${db.generations.length} generations; ` +
      `${leftBehind.length} replies left behind; ${Date.now() - started} ms`);
  }, 60_000);

  it('finishes the tick in flight on SIGTERM, exits 0, takes no new work, and a restart delivers the rest', async () => {
    await startWorld();
    await promptShown('a lighthouse at night');
    await promptShown('a train in the snow || the train in a tunnel');
    world.api.injectFault('check-status', { kind: 'delay', ms: 700 });
    const from = world.api.requests.length;
    const inFlight = await world.discord.waitFor(() =>
      world.api.requests.slice(from).find((r) => r.endpoint === 'check-status' && r.status === 0),
    );
    world.bot.kill('SIGTERM');
    await world.bot.waitForLog((e) => e.msg === 'shutting down: finishing the tick and the commands in flight');

    const generationsBefore = readDatabase(world.databasePath).generations.length;
    const apiCallsBefore = world.api.requests.length;
    const late = world.prompt('asked while the bot is stopping');
    const exit = await world.bot.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(inFlight.status).toBe(200);
    expect(world.bot.logs.at(-1)).toMatchObject({ msg: 'bot stopped', durationMs: expect.any(Number) });
    // It waited for the delayed answer in flight, and for nothing more.
    expect(world.bot.logs.at(-1)?.durationMs).toBeLessThan(5000);
    expect(world.bot.logs.some((e) => e.level === 'error')).toBe(false);
    // The answer of the poll in flight was applied before the exit: every shot it asked about
    // that had ended at the vendor by then is recorded.
    const stopped = readDatabase(world.databasePath);
    expect(stopped.generations).toHaveLength(generationsBefore);
    const asked = new Set(((inFlight.body as { taskIds: { shotId: string }[] }).taskIds).map((t) => t.shotId));
    const endedByAnswer = world.api.tasks().filter((t) => asked.has(t.shotId) && t.endsAt <= inFlight.at + 700);
    expect(endedByAnswer.length).toBeGreaterThan(0);
    for (const task of endedByAnswer) expect(stopped.shots.find((s) => s.id === task.shotId)?.state).toBe('completed');
    expect(world.api.requests.length).toBe(apiCallsBefore);
    expect(late.callbacks).toHaveLength(0);

    await world.start();
    const db = await waitUntilAllDelivered(world);
    expect(db.generations.map((g) => g.state)).toEqual(['completed', 'completed']);
    expect(checkEveryOutcomeShownOnce(db)).toEqual([]);
    checkTheBooks(db);
  });

  // The command handler sends the first `generate` itself, outside the poller's tick: a SIGTERM
  // then must wait for the vendor's answer, or a charged video would be released as cut off.
  it('waits on SIGTERM for a /veo prompt whose generate is in flight, and records what the vendor accepted', async () => {
    await startWorld();
    world.api.injectFault('generate', { kind: 'delay', ms: 700 });
    const from = world.api.requests.length;
    const interaction = world.prompt('a lantern festival');
    const inFlight = await world.discord.waitFor(() =>
      world.api.requests.slice(from).find((r) => r.endpoint === 'generate' && r.status === 0),
    );
    world.bot.kill('SIGTERM');
    expect(await world.bot.exited).toEqual({ code: 0, signal: null });
    expect(inFlight.status).toBe(200);
    expect(world.bot.logs.some((e) => e.level === 'error')).toBe(false);
    const stopped = readDatabase(world.databasePath).generations[0]!;
    expect(stopped).toMatchObject({ state: 'running', creditsUsed: 10 });
    // The command finished its work before the exit: the reply shows the running video.
    expect(stopped.deliveredRevision).toBe(stopped.revision);
    expect(titleOf(interaction.original()!)).toMatch(/Generating/);

    await world.start();
    const db = await waitUntilAllDelivered(world);
    expect(db.generations[0]).toMatchObject({ state: 'completed', replyMessageId: interaction.original()?.id });
    expect(world.allLogs().some((e) => e.code === 'OUTCOME_UNKNOWN')).toBe(false);
    checkTheBooks(db);
  });

  // The interaction token lives in memory only: a kill right after Discord accepted the first
  // edit must still leave the restarted bot editing that message, not posting a second one.
  it('posts no second message when killed just after Discord accepted the first edit of the reply', async () => {
    await startWorld();
    const killed = killAtDiscordRequest(firstEdit);
    world.prompt('a paper boat on a river');
    await killed;
    await restart();
    const db = await waitUntilAllDelivered(world);
    expect(messagesShowing(world, db.generations[0]!.id)).toHaveLength(1);
  });

  // The reply was deleted, so the video goes out as a new message mentioning the member: a kill
  // after Discord made it but before the bot recorded it must not ping the member twice.
  it('posts the replacement message once when killed just after Discord created it', async () => {
    await startWorld();
    const interaction = await promptShown('a lighthouse keeper');
    world.discord.expireInteractionToken(interaction.id);
    const channelId = world.discord.defaultChannelId;
    world.discord.deleteMessage(channelId, interaction.original()!.id);
    const posted = (request: DiscordRequest) =>
      request.method === 'POST' && request.path === `/channels/${channelId}/messages` && request.status === 200;
    await killAtDiscordRequest(posted);
    await restart();
    const db = await waitUntilAllDelivered(world);
    const shown = messagesShowing(world, db.generations[0]!.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.attachments).toHaveLength(1);
    // The restarted bot did ask again; Discord answered with the message it had already made.
    expect(world.discord.requests.filter(posted).length).toBeGreaterThanOrEqual(2);
  });

  // Discord made the deferred reply but the bot died before it read the reply's id: the restarted
  // bot finds the reply by the interaction it answered, and edits it rather than posting anew.
  it('finds and edits the deferred reply when killed before it learned the reply’s id', async () => {
    await startWorld();
    const deferred = (request: DiscordRequest) =>
      request.path.endsWith('/callback') && request.status === 200 && (request.body as { type?: number }).type === 5;
    const killed = killAtDiscordRequest(deferred);
    const interaction = world.prompt('a heron in the reeds');
    await killed;
    expect(readDatabase(world.databasePath).generations[0]).toMatchObject({ state: 'queued', replyMessageId: null });
    await restart();
    const db = await waitUntilAllDelivered(world);
    expect(db.generations[0]).toMatchObject({ state: 'completed', replyMessageId: interaction.original()?.id });
    expect(messagesShowing(world, db.generations[0]!.id)).toHaveLength(1);
    expect(stuckDeferredReplies(world)).toHaveLength(0);
    expect(showsVideo(interaction.original())).toBe(true);
  });

  // A kill while the submission is in flight must not leave the deferred reply on "thinking…".
  it('edits the deferred reply itself when killed while the submission was in flight', async () => {
    await startWorld();
    world.api.injectFault('generate', { kind: 'hang' });
    const killed = killAtApiRequest((r) => r.endpoint === 'generate');
    const interaction = world.prompt('a kite in the wind');
    await killed;
    await restart();
    await waitUntilAllDelivered(world);
    expect(stuckDeferredReplies(world)).toHaveLength(0);
    expect((interaction.original()?.embeds[0] as { title?: string } | undefined)?.title).toMatch(/could not be made/);
  });
});
