import { afterEach, describe, expect, it } from 'vitest';
import { API_KEY, BOT_TOKEN, CHANNEL_ID, GUILD_ID, member, showsVideo } from '../support/botHarness.js';
import {
  killLeftoverChildren,
  ledgerBalance,
  messagesShowing,
  startChildWorld,
  waitUntilAllDelivered,
  type ChildWorld,
  type ChildWorldOptions,
  lastLines,
} from '../support/childBot.js';
import type { FakeInteraction, FakeMessage } from '../support/fakeDiscord/index.js';
import type { FakeFault } from '../support/fakeNanophoto.js';

/** Discord and API faults against the bot as a real process: members still get a video or their credits back. */

// With this seed the first 36 API requests draw every kind of fault; the run makes at least 40.
const FAULT_SEED = Number(process.env['FAULT_SEED'] ?? 159);
const title = (message: FakeMessage | undefined) => (message?.embeds[0] as { title?: string } | undefined)?.title ?? '';
const description = (message: FakeMessage | undefined) => (message?.embeds[0] as { description?: string } | undefined)?.description ?? '';
const patches = (world: ChildWorld, messageId: string) =>
  world.discord.requests.filter((r) => r.method === 'PATCH' && (r.path.endsWith('/@original') || r.path.endsWith(`/messages/${messageId}`)));

describe('the bot as a child process, under Discord and API faults', () => {
  let world: ChildWorld;
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && !task.fails) console.error(`last lines of the bot:\n${lastLines(world)}`);
    await killLeftoverChildren();
    await world?.close();
  });

  const start = async (options: ChildWorldOptions) => {
    world = await startChildWorld(options);
    await world.start();
    return world;
  };

  /** The reply once it shows the generation (the first edit went through). */
  const shown = (interaction: FakeInteraction) =>
    world.discord.waitFor(() => {
      const reply = interaction.original();
      return title(reply).includes('Generating') && reply;
    });

  it('gets the video into the reply after interaction tokens expired, on the bot’s own clock or on Discord’s word', async () => {
    // Discord's tokens die after 1.5 s and the bot trusts its own for 1.2 s. The first video takes
    // 1.8 s; the second has two 0.4 s shots, so its first shot lands while the bot still trusts a
    // token that Discord has already revoked.
    await start({
      discord: { interactionTokenTtlMs: 1500 },
      env: { INTERACTION_TOKEN_TTL_MS: '1200' },
      api: { shotDurationMs: (shot) => (shot.prompt.startsWith('quick') ? 400 : 1800) },
    });
    const aged = world.prompt('a glacier calving');
    const revoked = world.prompt('quick: a glacier at night || quick: the glacier at dawn');
    const agedReply = await shown(aged);
    const revokedReply = await shown(revoked);
    // Revoked early: the bot still believes in this token, Discord answers 401 Invalid Webhook Token.
    world.discord.expireInteractionToken(revoked.id);

    for (const [interaction, reply] of [[aged, agedReply], [revoked, revokedReply]] as const) {
      const done = await world.discord.waitFor(() => showsVideo(interaction.original()) && interaction.original(), 8000);
      expect(done.id).toBe(reply.id);
      expect(title(done)).toContain('ready');
      const last = patches(world, reply.id).filter((r) => r.status === 200).at(-1)!;
      expect(last.path).toBe(`/channels/${CHANNEL_ID}/messages/${reply.id}`);
    }
    const refused = world.discord.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/@original') && r.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.ephemeral)).toHaveLength(2);
  });

  it('ends every generation delivered or failed-and-refunded when a fifth of the API requests fail in every documented way', async () => {
    const faults = {
      'internal error': { kind: 'status', status: 500, errorCode: 'INTERNAL_ERROR', error: 'db cluster 7 on fire' },
      'generation failed': { kind: 'status', status: 500, errorCode: 'GENERATION_FAILED', error: 'model shard 3 crashed' },
      '429 with Retry-After': { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', error: 'slow down', retryAfterSeconds: 1 },
      '429 without Retry-After': { kind: 'status', status: 429, errorCode: 'API_KEY_RATE_LIMIT_EXCEEDED', error: 'slow down' },
      hang: { kind: 'hang' },
      reset: { kind: 'reset' },
      malformed: { kind: 'malformed' },
      'task not found': { kind: 'status', status: 404, errorCode: 'TASK_NOT_FOUND', error: 'Task task_secret404 not found' },
    } satisfies Record<string, FakeFault>;
    // Every fault may hit either endpoint, so which kinds are drawn depends on the request count
    // only, never on timing (on generate, TASK_NOT_FOUND stands for an error code the call never expects).
    const pool = Object.values(faults).map((fault) => ({ fault }));
    const rawWords = /db cluster|model shard|slow down|task_secret404|Injected/;
    const started = Date.now();
    await start({
      // A hang costs one API_TIMEOUT_MS; a 429 without Retry-After pauses until the window frees.
      env: { API_TIMEOUT_MS: '400', API_RATE_WINDOW_MS: '500', DEFAULT_BUDGET_PERIOD: 'unlimited', SHOT_MAX_MS: '1500', POLL_INTERVAL_MS: '40' },
      api: { rateLimit: 10_000, shotDurationMs: 1000, randomFaults: { rate: 0.2, seed: FAULT_SEED, faults: pool } },
    });
    const interactions: FakeInteraction[] = [];
    // One prompt after the other is shown; at least 10, and more until the API saw 40 requests.
    for (let i = 1; i <= 10 || (i <= 30 && world.api.requests.length < 40); i += 1) {
      const interaction = world.prompt(i % 3 === 0 ? `a windmill ${i} || the windmill at dusk` : `a windmill ${i}`);
      interactions.push(interaction);
      await world.discord.waitFor(() => (interaction.original()?.embeds.length ?? 0) > 0, 8000);
    }
    const db = await waitUntilAllDelivered(world, 25_000);

    expect(db.generations).toHaveLength(interactions.length);
    for (const generation of db.generations) {
      const shots = db.shots.filter((s) => s.generationId === generation.id);
      const completed = shots.filter((s) => s.state === 'completed').length;
      // What the member paid: an unknown outcome's row is the operator's, never the member's.
      const paid = db.ledger.filter((row) => row.generationId === generation.id && row.kind !== 'unknown').reduce((sum, row) => sum + row.credits, 0);
      // Every finished shot is paid, every other one was never charged or was refunded.
      expect(paid, `generation #${generation.id} (${generation.state}, ${generation.errorCode})`).toBe(10 * completed);
      const [message, ...more] = messagesShowing(world, generation.id);
      expect(more).toHaveLength(0);
      expect(message?.id).toBe(generation.replyMessageId);
      if (generation.state === 'completed') {
        expect(showsVideo(message)).toBe(true);
      } else {
        // It says what happened, in the bot's words, and that the credits came back.
        expect(description(message)).toMatch(/\*\*(Why|Note):\*\* .*(given back|refunded|not charged)/s);
        expect(generation.errorCode).toBeTruthy();
      }
      expect(JSON.stringify(message)).not.toMatch(rawWords);
    }
    const books = ledgerBalance(db.ledger);
    expect(books.open).toBe(0);
    expect(books.used).toBe(books.settled - books.refunded);

    const requests = world.api.requests;
    const tally = Object.fromEntries(Object.entries(faults).map(([name, fault]) => [name, requests.filter((r) => r.fault === fault).length]));
    const faulted = requests.filter((r) => r.fault).length;
    console.info(`fault run (seed ${FAULT_SEED}): ${faulted} of ${requests.length} API requests faulted ${JSON.stringify(tally)}; ` +
      `${db.generations.map((g) => `${g.state}${g.errorCode ? `:${g.errorCode}` : ''}`).join(' ')}; ${Date.now() - started} ms`);
    for (const [name, count] of Object.entries(tally)) expect(count, `requests that met: ${name}`).toBeGreaterThan(0);
    expect(faulted / requests.length).toBeGreaterThan(0.1);
    expect(faulted / requests.length).toBeLessThan(0.35);
    expect(world.bot.alive()).toBe(true);
    const lines = world.allLines().join('\n');
    expect(lines).not.toMatch(/unhandled/i);
    expect(lines).not.toContain('"interaction failed"');
    expect(lines).not.toContain('"poller step failed"');
    for (const secret of [BOT_TOKEN, API_KEY, ...interactions.map((i) => i.token)]) expect(lines).not.toContain(secret);
  }, 60_000);

  it('falls back to a new message, then a DM, when the reply or its channel is gone or closed', async () => {
    const [c2, c3, c4] = ['300000000000000002', '300000000000000003', '300000000000000004'];
    const channels = [CHANNEL_ID, c2, c3, c4].map((id) => ({ id, name: `videos-${id.slice(-1)}` }));
    await start({ discord: { guilds: [{ id: GUILD_ID, name: 'Test Server', channels }] }, api: { shotDurationMs: 800 } });
    const ask = (channelId: string, text: string) =>
      world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'prompt', type: 1, options: [{ name: 'text', type: 3, value: text }] }], user: member, channelId });

    const deletedReply = ask(CHANNEL_ID, 'a reply that gets deleted, hi @everyone');
    const deletedChannel = ask(c2, 'a channel that gets deleted');
    const noSend = ask(c3, 'a channel where the bot may no longer post');
    const hidden = ask(c4, 'a channel the bot can no longer see');
    const replies = await Promise.all([deletedReply, deletedChannel, noSend, hidden].map(shown));
    for (const interaction of [deletedReply, deletedChannel, noSend, hidden]) world.discord.expireInteractionToken(interaction.id);
    world.discord.deleteMessage(CHANNEL_ID, replies[0]!.id);
    world.discord.deleteChannel(c2);
    world.discord.deleteMessage(c3, replies[2]!.id);
    world.discord.setChannelAccess(c3, 'no-send');
    world.discord.setChannelAccess(c4, 'no-access');

    const reposted = await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => !m.deleted && showsVideo(m)), 8000);
    expect(reposted.content).toMatch(new RegExp(`^<@${member.id}> `));
    expect(reposted.mentionedUserIds).toEqual([member.id]);
    expect(reposted.mentionEveryone).toBe(false);
    expect(reposted.mentionedRoleIds).toEqual([]);
    // Discord's copy of a new message matches what was sent, so it is not edited again at once.
    expect(world.discord.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${reposted.id}`))).toEqual([]);

    const dms = await world.discord.waitFor(() => {
      const withVideo = world.discord.dmMessages(member.id).filter(showsVideo);
      return withVideo.length === 3 && withVideo;
    }, 8000);
    const db = await waitUntilAllDelivered(world);
    for (const generation of db.generations) expect(messagesShowing(world, generation.id)).toHaveLength(1);
    expect(dms.map((m) => /Generation #(\d+)/.exec(JSON.stringify(m.embeds))?.[1]).sort()).toEqual(['2', '3', '4']);
    // Each DM says why it came there, naming the channel without pinging anyone.
    for (const dm of dms) {
      expect(dm.content).toMatch(/^I could not post in <#\d+>, so I am telling you here:$/);
      expect(dm.attachments).toEqual([expect.objectContaining({ filename: expect.stringMatching(/^veo-\d+\.mp4$/) })]);
      expect(dm.mentionedUserIds).toEqual([]);
    }
    expect(world.discord.channelMessages(c3).filter((m) => !m.deleted && !m.ephemeral)).toHaveLength(0);
    expect(world.allLines().filter((l) => l.includes('channel unreachable; sending a DM'))).toHaveLength(3);
  });

  it('keeps going through a gateway disconnect: the session resumes and nothing is lost', async () => {
    await start({ api: { shotDurationMs: 600 } });
    const before = world.prompt('a tram before the disconnect');
    await shown(before);
    const identifies = world.discord.identifies().length;
    world.discord.disconnectGateway();
    // Sent while the socket is down: Discord keeps it for the session and replays it on RESUME.
    const during = world.prompt('a tram during the disconnect');
    await world.bot.waitForLog((e) => e.msg === 'gateway resumed');
    for (const interaction of [before, during]) {
      const done = await world.discord.waitFor(() => showsVideo(interaction.original()) && interaction.original(), 8000);
      expect(title(done)).toContain('ready');
    }
    expect(world.discord.identifies()).toHaveLength(identifies);
    const db = await waitUntilAllDelivered(world);
    expect(db.generations.map((g) => g.state)).toEqual(['completed', 'completed']);
    expect(world.bot.alive()).toBe(true);
  });

  // With the interaction token still alive, editing the reply in a deleted channel fails with
  // 10003 Unknown Channel: the notifier must treat that as gone and fall through to a DM.
  it('sends the video by DM when the channel was deleted while the interaction token still lives', async () => {
    await start({ env: { DELIVERY_RETRY_MS: '5' }, api: { shotDurationMs: 300 } });
    const interaction = world.prompt('a channel deleted early');
    await shown(interaction);
    world.discord.deleteChannel(CHANNEL_ID);
    const outcome = await Promise.race([
      world.discord.waitFor(() => world.discord.dmMessages(member.id).some(showsVideo) && 'dm', 5000),
      world.bot.waitForLog((e) => e.msg === 'still cannot tell Discord about a generation; retrying at the longest interval', 5000).then(() => 'gave up'),
    ]);
    expect(outcome).toBe('dm');
  });

  // Discord errors are logged whole, and an interaction webhook's URL carries the interaction
  // token (a credential for 15 minutes): the logger must blank it out.
  it('never writes an interaction token to the log, even when Discord refuses a webhook call', async () => {
    await start({ env: { DELIVERY_RETRY_MS: '5' }, api: { shotDurationMs: 300 } });
    const interaction = world.prompt('a channel deleted early');
    await shown(interaction);
    world.discord.deleteChannel(CHANNEL_ID);
    await world.discord.waitFor(() => world.discord.dmMessages(member.id).some(showsVideo), 5000);
    const logText = world.allLines().join('\n');
    expect(logText).toMatch(/\/webhooks\/\d+\/\[redacted\]/);
    expect(logText).not.toContain(interaction.token);
  });

  // The new message posted when the reply is gone must not announce a video that failed.
  it('does not announce a video in the new message for a generation that failed', async () => {
    await start({ api: { shotDurationMs: 500, outcome: () => ({ status: 'failed', error: 'no' }) } });
    const interaction = world.prompt('a video the service refuses');
    const reply = await shown(interaction);
    world.discord.expireInteractionToken(interaction.id);
    world.discord.deleteMessage(CHANNEL_ID, reply.id);
    const posted = await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => !m.deleted && title(m).includes('could not')));
    expect(posted.content).not.toMatch(/here is the video/);
  });
});
