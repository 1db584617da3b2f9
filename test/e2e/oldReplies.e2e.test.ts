import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, member, midPeriodClock, startWorld, type BotWorld } from '../support/botHarness.js';
import type { FakeMessage } from '../support/fakeDiscord/index.js';

const HOUR = 60 * 60_000;
const title = (message: FakeMessage | undefined) => (message?.embeds[0] as { title?: string } | undefined)?.title ?? '';
const referenceOf = (message: FakeMessage) => (message.bodies[0] as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id;

describe('a reply older than an hour', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('gets no progress edits, and its result comes as a new reply to it when Discord refuses the final edit (30046)', async () => {
    const real = midPeriodClock();
    let skipped = 0;
    world = await startWorld({
      clock: { now: () => new Date(real.now().getTime() + skipped) },
      api: { shotDurationMs: 600 },
      env: { GENERATION_GRACE_MS: String(10 * HOUR) },
    });
    const command = world.prompt('the tide comes in || a storm gathers');
    const reply = await world.discord.waitFor(() => title(command.original()).includes('Generating') && command.original());
    const before = world.discord.requests.length;
    skipped = 2 * HOUR;
    world.discord.exhaustOldMessageEdits(reply.id);

    const posted = await world.discord.waitFor(() => world.discord.channelMessages(CHANNEL_ID).find((m) => referenceOf(m) === reply.id));
    expect(posted.attachments.map((a) => a.filename)).toEqual(['veo-1-shot-1.mp4', 'veo-1-shot-2.mp4']);
    expect(title(posted)).toBe('✅ Your video is ready');
    const labels = (posted.components as { components: { label: string }[] }[]).flatMap((row) => row.components.map((b) => b.label));
    expect(labels).toEqual(['Source 1', 'Source 2', 'Again', 'Remix', 'Extend', 'Details', 'Delete']);
    expect(posted.mentionedUserIds).toEqual([member.id]);

    // One edit was tried, the final one; the progress in between was not sent.
    const edits = world.discord.requests.slice(before).filter((r) => r.method === 'PATCH' && r.path.includes(reply.id));
    expect(edits.map((r) => r.status)).toEqual([400]);
    await world.bot.tick();
    expect(world.discord.channelMessages(CHANNEL_ID).filter((m) => !m.ephemeral && !m.deleted)).toHaveLength(2);
  });
});
