import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, member, startWorld, type BotWorld } from '../support/botHarness.js';
import { modalFields, type FakeAttachment, type FakeInteraction, type FakeMessage, type FakeUser } from '../support/fakeDiscord/index.js';

type Button = { custom_id: string; label: string };
type Embed = { title: string; description: string; fields: { name: string; value: string }[] };
const buttonsOf = (message: FakeMessage) => (message.components as { components: Button[] }[]).flatMap((row) => row.components);
const embedOf = (message: FakeMessage) => message.embeds[0] as Embed;
const generates = (world: BotWorld) => world.api.requests.filter((r) => r.endpoint === 'generate');

const fiveShots = ['A fox wakes up in a snowy forest', '', 'The fox follows tracks to a frozen lake', '   ', 'It slides across the ice', 'An owl watches from a branch', 'Night falls over the lake'].join('\n');

async function openStory(world: BotWorld, user: FakeUser = member): Promise<FakeInteraction> {
  const command = world.discord.dispatchCommand({ name: 'veo', options: [{ name: 'story', type: 1 }], user, channelId: CHANNEL_ID });
  await world.discord.waitFor(() => command.modal());
  return command;
}

/** Opens the form, fills it in, and waits for the private question with its buttons. */
async function askStory(world: BotWorld, values: Record<string, string | string[]>, images: FakeAttachment[] = []) {
  const form = await openStory(world);
  const submitted = world.discord.submitModal({ interactionId: form.id, values, files: images.length > 0 ? { images } : {} });
  const question = await world.discord.waitFor(() => {
    const reply = submitted.ephemeralReplies()[0];
    return reply && buttonsOf(reply).length > 0 && reply;
  });
  return { submitted, question };
}

const press = (world: BotWorld, question: FakeMessage, label: RegExp, user: FakeUser = member) => {
  const button = buttonsOf(question).find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${label}`);
  return world.discord.dispatchButton({ customId: button.custom_id, messageId: question.id, user });
};

describe('/veo story end to end', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('opens a form with the shots, an aspect select and an optional upload, as its first answer', async () => {
    world = await startWorld();
    const form = await openStory(world);
    expect(form.callbacks.map((c) => c.type)).toEqual([9]);
    const modal = form.modal()!;
    expect(modal.title).toBe('Make a story video');
    const fields = modalFields(modal);
    expect(fields.map((f) => [f.label, f.type, f.customId])).toEqual([
      ['Shots, one per line', 4, 'shots'],
      ['Aspect ratio', 3, 'aspect'],
      ['Reference images (optional)', 19, 'images'],
    ]);
    expect(fields[0]!.component).toMatchObject({ style: 2, max_length: 4000, required: true });
    expect(fields[1]!.component['options']).toEqual([
      { label: '16:9 (landscape)', value: '16:9', default: true },
      { label: '9:16 (portrait)', value: '9:16', default: false },
    ]);
    expect(fields[2]!.component).toMatchObject({ min_values: 0, max_values: 3, required: false });
    expect(world.api.requests).toHaveLength(0);
  });

  it('shows the shot list and its cost, then makes one 5-shot generate with the images for every shot once confirmed', async () => {
    world = await startWorld();
    const images = [{ filename: 'fox.png', contentType: 'image/png' }, { filename: 'lake.webp', contentType: 'image/webp' }];
    const { submitted, question } = await askStory(world, { shots: fiveShots, aspect: '9:16' }, images);
    expect(submitted.callbacks.map((c) => c.type)).toEqual([4]);
    const embed = embedOf(question);
    expect(embed.title).toBe('Make this 50 credits video?');
    expect(embed.description.split('\n')).toEqual([
      '**1.** A fox wakes up in a snowy forest',
      '**2.** The fox follows tracks to a frozen lake',
      '**3.** It slides across the ice',
      '**4.** An owl watches from a branch',
      '**5.** Night falls over the lake',
    ]);
    expect(embed.fields).toEqual(expect.arrayContaining([{ name: 'Video', value: '5 × 8 s · 720p · 9:16', inline: true }]));
    expect(buttonsOf(question).map((b) => b.label)).toEqual(['Make it (50 credits)', 'Cancel']);
    expect(world.api.requests).toHaveLength(0);

    const confirm = press(world, question, /Make it/);
    await world.discord.waitFor(() => confirm.original()?.content.startsWith('https://'));
    expect(generates(world)).toHaveLength(1);
    const body = generates(world)[0]!.body as { resolution: string; shots: { prompt: string; aspectRatio: string; generationType: string; imageUrls?: string[] }[] };
    expect(body.resolution).toBe('720p');
    expect(body.shots.map((s) => s.prompt)).toEqual(fiveShots.split('\n').map((l) => l.trim()).filter(Boolean));
    for (const shot of body.shots) {
      expect(shot).toMatchObject({ aspectRatio: '9:16', generationType: 'REFERENCE_2_VIDEO' });
      expect(shot.imageUrls?.map((url) => decodeURIComponent(url.split('/').at(-1)!))).toEqual(['fox.png', 'lake.webp']);
    }
    expect(confirm.original()!.ephemeral).toBe(false);
  });

  it('says a second quick press was already answered, and sends one generate', async () => {
    world = await startWorld();
    const { submitted, question } = await askStory(world, { shots: 'a red kite\na blue kite' });
    const first = press(world, question, /Make it/);
    const second = press(world, question, /Make it/);
    await world.discord.waitFor(() => second.callbacks.length > 0);
    expect(second.callbacks.map((c) => c.type)).toEqual([7]);
    expect((second.callbacks[0]!.data as { content: string }).content).toBe('You already answered this question; see the reply below.');
    await world.discord.waitFor(() => first.original()?.content.startsWith('https://'));
    await world.discord.waitFor(() => submitted.original()?.content === 'Answered; see the reply below.');
    expect(generates(world)).toHaveLength(1);
    const shown = JSON.stringify(world.discord.requests.map((r) => r.body));
    expect(shown).not.toContain('nothing was reserved');
  });

  it('after a restart, never claims nothing was reserved for a question that was confirmed', async () => {
    world = await startWorld();
    const answered = await askStory(world, { shots: 'a paper boat\na river' });
    const first = press(world, answered.question, /Make it/);
    await world.discord.waitFor(() => first.original()?.content.startsWith('https://'));
    const open = await askStory(world, { shots: 'a kite\na storm' });
    await world.restart();
    await world.discord.waitForReady();

    for (const question of [answered.question, open.question]) {
      const late = press(world, question, /Make it/);
      await world.discord.waitFor(() => late.callbacks.length > 0);
      const content = (late.callbacks[0]!.data as { content: string }).content;
      expect(content).toMatch(/^This question is no longer open \(the bot may have restarted since\)\. If you confirmed it, your video is in `\/veo status`/);
      expect(content).not.toMatch(/nothing was reserved/);
    }
    expect(generates(world)).toHaveLength(1);
  });

  it('cancelled, then pressed again: says it was cancelled, and sends nothing', async () => {
    world = await startWorld();
    const { question } = await askStory(world, { shots: 'a red kite\na blue kite' });
    const cancel = press(world, question, /Cancel/);
    await world.discord.waitFor(() => cancel.callbacks.length > 0);
    const again = press(world, question, /Make it/);
    await world.discord.waitFor(() => again.callbacks.length > 0);
    expect((again.callbacks[0]!.data as { content: string }).content).toBe('You already cancelled this request, so no credits were used.');
    expect(world.api.requests).toHaveLength(0);
  });
});
