import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryOutbox } from '../../src/domain/deliveryOutbox.js';
import { remixRequest, remixText, requestOf } from '../../src/domain/generationRequest.js';
import { generationIdOf } from '../../src/domain/resultActions.js';
import type { ImageInput } from '../../src/domain/videoRequest.js';
import { createLogger } from '../../src/log.js';
import { notifierOf } from '../support/fakeNotifier.js';
import { startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';
import { refusalOf } from '../support/refusalOf.js';

const png = (name: string): ImageInput => ({ name, url: `https://cdn.example/${name}`, contentType: 'image/png', size: 1000 });
const keptUrl = 'https://cdn.discordapp.com/attachments/1/2/frame.png?ex=65&is=64&hm=abc';

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
    expect(lc.results.find(id, lc.member.guildId).id).toBe(id);
    expect(refusalOf(() => lc!.results.find(id, '999'))).toMatchObject({ code: 'result_other_server', details: { id } });
    expect(refusalOf(() => lc!.results.find(id + 100, lc!.member.guildId))).toMatchObject({ code: 'result_unknown' });
    expect(refusalOf(() => lc!.results.find(generationIdOf('12abc'), lc!.member.guildId))).toMatchObject({ code: 'result_unknown' });
    lc.results.remove(id, { guildId: lc.member.guildId, userId: lc.member.userId, canManageMessages: false });
    expect(refusalOf(() => lc!.results.find(id, lc!.member.guildId))).toMatchObject({ code: 'result_removed' });
  });

  it('removes for the member who asked or a moderator only; no credit moves, and it is never delivered again', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const stranger = { guildId: lc.member.guildId, userId: '200000000000000009', canManageMessages: false };
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
