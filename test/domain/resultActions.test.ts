import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryOutbox } from '../../src/domain/deliveryOutbox.js';
import { remixRequest, remixText, requestOf } from '../../src/domain/generationRequest.js';
import { generationIdOf, type PressedMessage } from '../../src/domain/resultActions.js';
import type { ImageInput } from '../../src/domain/videoRequest.js';
import { createLogger } from '../../src/log.js';
import { notifierOf } from '../support/fakeNotifier.js';
import { startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';
import { refusalOf } from '../support/refusalOf.js';

const png = (name: string): ImageInput => ({ name, url: `https://cdn.example/${name}`, contentType: 'image/png', size: 1000 });
const keptUrl = 'https://cdn.discordapp.com/attachments/1/2/frame.png?ex=65&is=64&hm=abc';
// The lifecycle harness's channel, where its generations are asked for.
const CHANNEL = '300000000000000001';
const botMessage = (): PressedMessage => ({ id: '900000000000000001', channelId: CHANNEL, byBot: true });

describe("a result's buttons in the domain", () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('rebuilds the request a stored generation was made from: prompt or shots, mode, aspect, resolution, images, price', async () => {
    lc = await startLifecycle();
    const story = await lc.submit({ text: 'a fox wakes || it runs to a lake || an owl watches', aspect: '9:16', images: [png('ref.png')] });
    expect(requestOf(lc.generations.get(story.id)!)).toEqual({
      prompt: 'a fox wakes || it runs to a lake || an owl watches',
      shotPrompts: ['a fox wakes', 'it runs to a lake', 'an owl watches'],
      mode: 'reference',
      generationType: 'REFERENCE_2_VIDEO',
      aspectRatio: '9:16',
      resolution: '720p',
      imageUrls: ['https://cdn.example/ref.png'],
      credits: 30,
    });
    const single = await lc.submit({ text: 'line one\nline two', resolution: '4k', mode: 'frames', images: [png('first.png'), png('last.png')] });
    expect(requestOf(lc.generations.get(single.id)!)).toMatchObject({ shotPrompts: ['line one\nline two'], mode: 'frames', resolution: '4k', credits: 30 });
  });

  it('Remix: a single shot keeps its newlines and mode; a story is one shot per line and stays 720p', async () => {
    lc = await startLifecycle();
    const single = lc.generations.get((await lc.submit({ text: 'one\ntwo', mode: 'frames', images: [png('first.png')] })).id)!;
    expect(remixText(single)).toBe('one\ntwo');
    const edited = remixRequest({ ...single, imageUrls: [keptUrl] }, { text: 'one\nthree', aspect: '9:16', resolution: '1080p', images: null });
    expect(edited).toMatchObject({ prompt: 'one\nthree', shotPrompts: ['one\nthree'], mode: 'frames', aspectRatio: '9:16', resolution: '1080p', imageUrls: [keptUrl], credits: 14 });
    // New images replace the old ones; a text video given images becomes a reference video.
    expect(remixRequest(single, { text: 'x', aspect: null, resolution: null, images: [png('new.png'), png('end.png')] }).imageUrls).toEqual([
      'https://cdn.example/new.png',
      'https://cdn.example/end.png',
    ]);
    const text = lc.generations.get((await lc.submit({ text: 'plain' })).id)!;
    expect(remixRequest(text, { text: 'plain', aspect: null, resolution: null, images: [png('r.png')] })).toMatchObject({ mode: 'reference' });

    const story = lc.generations.get((await lc.submit({ text: 'a || b || c', images: [png('ref.png')] })).id)!;
    expect(remixText(story)).toBe('a\nb\nc');
    expect(remixRequest(story, { text: 'a\nb changed\nc\nd', aspect: '16:9', resolution: null, images: null })).toMatchObject({
      shotPrompts: ['a', 'b changed', 'c', 'd'],
      mode: 'reference',
      imageUrls: ['https://cdn.example/ref.png'],
      credits: 40,
    });
    expect(refusalOf(() => remixRequest(story, { text: 'a\nb', aspect: null, resolution: '4k', images: null }))).toMatchObject({ code: 'story_resolution' });
    expect(refusalOf(() => remixRequest(single, { text: ' ', aspect: null, resolution: null, images: null }))).toMatchObject({ code: 'empty_prompt' });
    expect(refusalOf(() => remixRequest(single, { text: 'x', aspect: null, resolution: null, images: [png('a.png'), png('b.png'), png('c.png')] }))).toMatchObject({
      code: 'too_many_images',
    });
  });

  it('finds a generation only in its own server, and never a removed one', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const here = { guildId: lc.member.guildId, message: botMessage() };
    expect(lc.results.find(id, here).id).toBe(id);
    expect(refusalOf(() => lc!.results.find(id, { ...here, guildId: '999' }))).toMatchObject({ code: 'result_other_server', details: { id } });
    expect(refusalOf(() => lc!.results.find(id + 100, here))).toMatchObject({ code: 'result_unknown' });
    expect(refusalOf(() => lc!.results.find(generationIdOf('12abc'), here))).toMatchObject({ code: 'result_unknown' });
    lc.results.remove(id, { ...here, userId: lc.member.userId, canManageMessages: false });
    expect(refusalOf(() => lc!.results.find(id, here))).toMatchObject({ code: 'result_removed' });
  });

  it("takes a press only on a message the generation was shown in, or, for results from before those were kept, a bot message in the generation's channel", async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const other = await lc.submit();
    const guildId = lc.member.guildId;
    const find = (message: PressedMessage | null) => lc!.results.find(id, { guildId, message });
    // Results shown before messages were kept: any of the bot's messages in the generation's own channel.
    expect(find(botMessage()).id).toBe(id);
    // A message on record counts, whatever channel the press says it is in.
    lc.repo.attachReply(id, '900000000000000010');
    lc.repo.recordMessage(id, '900000000000000011', lc.clock.now());
    expect(find({ id: '900000000000000010', channelId: '300000000000000099', byBot: true }).id).toBe(id);
    expect(find({ id: '900000000000000011', channelId: CHANNEL, byBot: true }).id).toBe(id);

    const refused = { code: 'result_other_message', details: { id } };
    // Once its messages are on record, only they count: not another of the bot's messages in its channel.
    expect(refusalOf(() => find(botMessage()))).toMatchObject(refused);
    // The bot's message in another channel, a member's message, another generation's message, or none at all.
    expect(refusalOf(() => find({ id: '900000000000000020', channelId: '300000000000000099', byBot: true }))).toMatchObject(refused);
    expect(refusalOf(() => find({ id: '900000000000000021', channelId: CHANNEL, byBot: false }))).toMatchObject(refused);
    lc.repo.attachReply(other.id, '900000000000000030');
    expect(refusalOf(() => find({ id: '900000000000000030', channelId: '300000000000000099', byBot: true }))).toMatchObject(refused);
    expect(refusalOf(() => find(null))).toMatchObject(refused);
    // Delete goes through the same check, and removes nothing when it fails.
    const presser = { guildId, userId: lc.member.userId, canManageMessages: true };
    expect(refusalOf(() => lc!.results.remove(id, { ...presser, message: { id: '900000000000000021', channelId: CHANNEL, byBot: false } }))).toMatchObject(refused);
    expect(lc.generations.get(id)!.removedAt).toBeNull();
  });

  it('records every message the outbox showed a generation in, whatever the path, except a DM', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const answers = [
      { messageId: '900000000000000041', path: 'webhook' as const },
      { messageId: '900000000000000042', path: 'new_message' as const },
      { messageId: null, path: 'dm' as const },
    ];
    const notifier = notifierOf(async () => answers.shift()!);
    const outbox = createDeliveryOutbox({ repo: lc.repo, notifier, replySetups: lc.replySetups, clock: lc.clock, retryMs: 1000, log: createLogger({ write: () => {} }) });
    for (const _ of [1, 2, 3]) {
      await outbox.deliver(lc.generations.get(id)!);
      lc.repo.recordProgress(id, lc.clock.now());
    }
    expect(answers).toEqual([]);
    const elsewhere = (messageId: string) => ({ guildId: lc!.member.guildId, message: { id: messageId, channelId: '300000000000000099', byBot: true } });
    expect(lc.results.find(id, elsewhere('900000000000000041')).id).toBe(id);
    expect(lc.results.find(id, elsewhere('900000000000000042')).id).toBe(id);
  });

  it('tells the removal listeners inside the removal: a listener that fails leaves nothing removed', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const member = { guildId: lc.member.guildId, message: botMessage(), userId: lc.member.userId, canManageMessages: false };
    const stop = lc.results.onRemoved(() => {
      throw new Error('the log could not be marked');
    });
    expect(() => lc!.results.remove(id, member)).toThrow('the log could not be marked');
    expect(lc.generations.get(id)).toMatchObject({ removedAt: null });
    stop();
    expect(lc.results.remove(id, member).removedAt).toEqual(lc.clock.now());
  });

  it('removes for the member who asked or a moderator only; no credit moves, and it is never delivered again', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const stranger = { guildId: lc.member.guildId, message: botMessage(), userId: '200000000000000009', canManageMessages: false };
    expect(refusalOf(() => lc!.results.remove(id, stranger))).toMatchObject({ code: 'result_remove_not_allowed' });
    expect(lc.generations.get(id)!.removedAt).toBeNull();

    const before = lc.checks.summary({ ...lc.member });
    const removed = lc.results.remove(id, { ...stranger, canManageMessages: true });
    expect(removed.removedAt).toEqual(lc.clock.now());
    expect(lc.checks.summary({ ...lc.member })).toEqual(before);
    expect(refusalOf(() => lc!.results.remove(id, { ...stranger, canManageMessages: true }))).toMatchObject({ code: 'result_removed' });

    // The video finishes after the removal: its state is kept, but nothing goes to Discord.
    const shown: number[] = [];
    const notifier = notifierOf(async (g) => {
      shown.push(g.id);
      return { messageId: '900000000000000001', path: 'new_message' as const };
    });
    const outbox = createDeliveryOutbox({ repo: lc.repo, notifier, replySetups: lc.replySetups, clock: lc.clock, retryMs: 1000, log: createLogger({ write: () => {} }) });
    for (let i = 0; i < 20 && lc.generations.get(id)!.state !== 'completed'; i += 1) {
      lc.clock.advance(60_000);
      await lc.tick();
      await outbox.deliverDue();
    }
    expect(lc.generations.get(id)!.state).toBe('completed');
    expect(shown).toEqual([]);
  });
});
