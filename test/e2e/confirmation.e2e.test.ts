import { afterEach, describe, expect, it } from 'vitest';
import { member, startWorld, type BotWorld } from '../support/botHarness.js';
import type { FakeInteraction, FakeMessage, FakeUser } from '../support/fakeDiscord/index.js';

type Row = { components: { custom_id: string; label: string }[] };
const buttonsOf = (message: FakeMessage) => (message.components as Row[]).flatMap((row) => row.components);

async function askToConfirm(world: BotWorld): Promise<{ question: FakeInteraction; message: FakeMessage }> {
  const question = world.prompt('a long journey || through the mountains');
  const message = await world.discord.waitFor(() => question.ephemeralReplies()[0]);
  return { question, message };
}

function click(world: BotWorld, message: FakeMessage, label: RegExp, user: FakeUser = member) {
  const button = buttonsOf(message).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${label} on the question`);
  return world.discord.dispatchButton({ customId: button.custom_id, messageId: message.id, user });
}

describe('confirming a costly /veo prompt', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('asks privately before reserving anything, then makes the video once confirmed', async () => {
    world = await startWorld({ env: { CONFIRM_THRESHOLD: '20' } });
    const { question, message } = await askToConfirm(world);
    expect((message.embeds[0] as { title: string }).title).toBe('Make this 20 credits video?');
    expect(buttonsOf(message).map((b) => b.label)).toEqual(['Make it (20 credits)', 'Cancel']);
    expect(world.api.requests).toHaveLength(0);

    const confirm = click(world, message, /Make it/);
    const done = await world.discord.waitFor(() => {
      const reply = confirm.original();
      return reply?.content.startsWith('https://') && reply;
    });
    expect(done.ephemeral).toBe(false);
    expect(world.api.requests.filter((r) => r.endpoint === 'generate')).toHaveLength(1);
    const closed = await world.discord.waitFor(() => question.original()?.components.length === 0 && question.original());
    expect(closed.content).toMatch(/Answered/);
    const note = await world.discord.waitFor(() => confirm.ephemeralReplies()[0]);
    expect(note.content).toMatch(/This video costs 20 credits\. You can spend 280 credits more this week/);
  });

  it('cancels without reserving or calling the API', async () => {
    world = await startWorld({ env: { CONFIRM_THRESHOLD: '20' } });
    const { question, message } = await askToConfirm(world);
    const cancel = click(world, message, /Cancel/);
    await world.discord.waitFor(() => cancel.callbacks.length > 0);
    expect(cancel.callbacks[0]!.type).toBe(7);
    expect(question.original()).toMatchObject({ content: 'Cancelled. No credits were used.', components: [] });
    expect(world.api.requests).toHaveLength(0);
    const credits = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'credits', type: 1 }], user: member });
    const reply = await world.discord.waitFor(() => credits.ephemeralReplies()[0]);
    expect(JSON.stringify(reply.embeds)).toContain('"name":"Server used","value":"0 credits"');
  });

  it('lets only the member who asked answer, and a question answered twice does nothing twice', async () => {
    world = await startWorld({ env: { CONFIRM_THRESHOLD: '20' } });
    const { message } = await askToConfirm(world);
    const stranger = click(world, message, /Make it/, { id: '200000000000000009', username: 'mallory', roleIds: [], permissions: '0' });
    const refusal = await world.discord.waitFor(() => stranger.ephemeralReplies()[0]);
    expect(refusal.content).toMatch(/Only the member who asked/);

    const first = click(world, message, /Make it/);
    await world.discord.waitFor(() => first.original()?.content.startsWith('https://'));
    const again = click(world, message, /Make it/);
    await world.discord.waitFor(() => again.callbacks.length > 0);
    expect(again.callbacks[0]!.type).toBe(7);
    // The first press reserved and sent: the second must say so, never that nothing was reserved.
    expect((again.callbacks[0]!.data as { content: string }).content).toBe('You already answered this question; see the reply below.');
    expect(world.api.requests.filter((r) => r.endpoint === 'generate')).toHaveLength(1);
  });
});
