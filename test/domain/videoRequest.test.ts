import { describe, expect, it } from 'vitest';
import { parseVideoRequest, type ImageInput, type VideoRequestInput } from '../../src/domain/videoRequest.js';
import { refusalText } from '../../src/discord/render/refusal.js';
import { translator } from '../../src/discord/words/catalogue.js';
import { refusalOf } from '../support/refusalOf.js';

const png = (name = 'a.png', size = 1000): ImageInput => ({ name, url: `https://cdn.example/${name}`, contentType: 'image/png', size });
const input = (overrides: Partial<VideoRequestInput> = {}): VideoRequestInput => ({
  text: 'a cat surfing a wave at sunset',
  images: [],
  mode: null,
  aspect: null,
  resolution: null,
  ...overrides,
});

const refusal = (overrides: Partial<VideoRequestInput>) => refusalOf(() => parseVideoRequest(input(overrides)));

describe('parseVideoRequest', () => {
  it('defaults to a 16:9, 720p text video of one shot costing 10 credits', () => {
    expect(parseVideoRequest(input())).toEqual({
      prompt: 'a cat surfing a wave at sunset',
      shotPrompts: ['a cat surfing a wave at sunset'],
      mode: 'text',
      generationType: 'TEXT_2_VIDEO',
      aspectRatio: '16:9',
      resolution: '720p',
      imageUrls: [],
      credits: 10,
    });
  });

  it('uses reference mode by default when images are attached, in attachment order', () => {
    const request = parseVideoRequest(input({ images: [png('one.png'), png('two.png')] }));
    expect(request.mode).toBe('reference');
    expect(request.generationType).toBe('REFERENCE_2_VIDEO');
    expect(request.imageUrls).toEqual(['https://cdn.example/one.png', 'https://cdn.example/two.png']);
  });

  it('splits shots on || and prices each at the resolution', () => {
    const request = parseVideoRequest(input({ text: 'sunrise || noon ||  dusk ' }));
    expect(request.shotPrompts).toEqual(['sunrise', 'noon', 'dusk']);
    expect(request.credits).toBe(30);
    expect(parseVideoRequest(input({ resolution: '4k' })).credits).toBe(30);
    expect(parseVideoRequest(input({ resolution: '1080p', aspect: '9:16' }))).toMatchObject({ credits: 14, aspectRatio: '9:16' });
  });

  it.each([
    [{ text: '   ' }, 'empty_prompt'],
    [{ text: 'x'.repeat(4001) }, 'prompt_too_long'],
    [{ text: 'a\u0007bell' }, 'prompt_control_chars'],
    [{ text: 'one || || three' }, 'empty_shot'],
    [{ text: Array(22).fill('shot').join('||') }, 'too_many_shots'],
    [{ text: 'a || b', resolution: '1080p' }, 'single_shot_resolution'],
    [{ text: 'a || b', resolution: '4k' }, 'single_shot_resolution'],
    [{ text: 'a || b', mode: 'frames', images: [png()] }, 'frames_multi_shot'],
    [{ mode: 'text', images: [png()] }, 'images_with_text_mode'],
    [{ mode: 'frames' }, 'too_few_images'],
    [{ mode: 'reference' }, 'too_few_images'],
    [{ mode: 'frames', images: [png('1.png'), png('2.png'), png('3.png')] }, 'too_many_images'],
    [{ images: [png('1.png'), png('2.png'), png('3.png'), png('4.png')] }, 'too_many_images'],
    [{ images: [{ ...png('doc.pdf'), contentType: 'application/pdf' }] }, 'not_an_image'],
    [{ images: [{ ...png('clip.gif'), contentType: null }] }, 'not_an_image'],
    [{ images: [png('huge.png', 11 * 1024 * 1024)] }, 'image_too_large'],
    [{ images: [{ ...png(), url: 'data:image/png;base64,AAAA' }] }, 'image_not_public'],
    [{ mode: 'cinema' }, 'bad_option'],
    [{ aspect: '4:3' }, 'bad_option'],
    [{ resolution: '8k' }, 'bad_option'],
  ] as [Partial<VideoRequestInput>, string][])('refuses %o with %s and one short sentence', (overrides, code) => {
    const error = refusal(overrides);
    expect(error.code).toBe(code);
    expect(refusalText(error, translator('en')).length).toBeLessThan(200);
  });

  it('says which option was wrong, with what it got and what it takes', () => {
    expect(refusal({ aspect: '4:3' }).details).toEqual({ option: 'aspect', value: '4:3', allowed: ['16:9', '9:16'] });
    expect(refusal({ text: 'a || b', resolution: '4k' }).details).toEqual({ resolution: '4k', separator: '||' });
  });

  it('accepts an image with no content type when its extension says what it is', () => {
    expect(parseVideoRequest(input({ images: [{ ...png('photo.JPG'), contentType: null }] })).imageUrls).toHaveLength(1);
  });
});
