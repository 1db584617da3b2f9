import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle, type Lifecycle } from '../../support/lifecycleHarness.js';
import { refusalOf } from '../../support/refusalOf.js';

const png = (name: string) => ({ name, url: `https://cdn.example/${name}`, contentType: 'image/png', size: 1000 });
const OTHER = '200000000000000002';
const noChange = { aspect: null, resolution: null, images: null };

describe("a member's uploaded images, as others press a result's buttons", () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('Again: its author gets the same request, images and all; another member is refused on an image request, not on a text one', async () => {
    lc = await startLifecycle();
    const author = lc.member.userId;
    const withImages = lc.generations.get((await lc.submit({ text: 'me at the beach', images: [png('me.png')] })).id)!;
    expect(lc.results.againRequest(withImages, author).imageUrls).toEqual(['https://cdn.example/me.png']);
    expect(refusalOf(() => lc!.results.againRequest(withImages, OTHER))).toMatchObject({ code: 'again_images_not_yours', details: { id: withImages.id } });
    const text = lc.generations.get((await lc.submit({ text: 'a beach' })).id)!;
    expect(lc.results.againRequest(text, OTHER)).toMatchObject({ prompt: 'a beach', imageUrls: [] });
  });

  it('Remix: another member never keeps the author’s images; with none of their own it is a text video, with theirs it keeps the mode', async () => {
    lc = await startLifecycle();
    const frames = lc.generations.get((await lc.submit({ text: 'from here', mode: 'frames', images: [png('first.png'), png('last.png')] })).id)!;
    expect(lc.results.remixOf(frames, { text: 'to there', ...noChange }, lc.member.userId)).toMatchObject({ mode: 'frames', imageUrls: ['https://cdn.example/first.png', 'https://cdn.example/last.png'] });
    expect(lc.results.remixOf(frames, { text: 'to there', ...noChange }, OTHER)).toMatchObject({ mode: 'text', imageUrls: [] });
    expect(lc.results.remixOf(frames, { text: 'to there', ...noChange, images: [png('mine.png')] }, OTHER)).toMatchObject({ mode: 'frames', imageUrls: ['https://cdn.example/mine.png'] });

    const story = lc.generations.get((await lc.submit({ text: 'a || b', images: [png('ref.png')] })).id)!;
    expect(lc.results.remixOf(story, { text: 'a\nb', ...noChange }, OTHER)).toMatchObject({ mode: 'text', imageUrls: [], shotPrompts: ['a', 'b'] });
    expect(lc.results.remixOf(story, { text: 'a\nb', ...noChange }, lc.member.userId)).toMatchObject({ mode: 'reference', imageUrls: ['https://cdn.example/ref.png'] });
  });
});
