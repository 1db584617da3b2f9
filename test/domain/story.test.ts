import { describe, expect, it } from 'vitest';
import { parseStory, parseVideoRequest, type ImageInput, type StoryInput } from '../../src/domain/videoRequest.js';
import { refusalText } from '../../src/discord/render/refusal.js';
import { translator } from '../../src/discord/words/catalogue.js';
import { refusalOf } from '../support/refusalOf.js';

const png = (name = 'a.png', size = 1000): ImageInput => ({ name, url: `https://cdn.example/${name}`, contentType: 'image/png', size });
const story = (overrides: Partial<StoryInput> = {}): StoryInput => ({ lines: 'a fox wakes\nit runs to a lake', images: [], aspect: null, ...overrides });
const lines = (count: number, length = 10) => Array.from({ length: count }, (_, i) => `${i + 1}`.padEnd(length, 'x')).join('\n');

const refusal = (overrides: Partial<StoryInput>) => refusalOf(() => parseStory(story(overrides)));

describe('parseStory', () => {
  it('makes one shot of each line, ignoring blank ones, at 720p and 10 credits a shot', () => {
    const request = parseStory(story({ lines: '  a fox wakes \n\n\u200b\n\tit runs to a lake\r\n \nan owl watches\n' }));
    expect(request).toEqual({
      prompt: 'a fox wakes\nit runs to a lake\nan owl watches',
      shotPrompts: ['a fox wakes', 'it runs to a lake', 'an owl watches'],
      mode: 'text',
      generationType: 'TEXT_2_VIDEO',
      aspectRatio: '16:9',
      resolution: '720p',
      imageUrls: [],
      credits: 30,
    });
  });

  it('uses the images as references for every shot, and the chosen aspect', () => {
    const request = parseStory(story({ images: [png('one.png'), png('two.png')], aspect: '9:16' }));
    expect(request).toMatchObject({ mode: 'reference', generationType: 'REFERENCE_2_VIDEO', aspectRatio: '9:16' });
    expect(request.imageUrls).toEqual(['https://cdn.example/one.png', 'https://cdn.example/two.png']);
  });

  it('takes 21 shots of 1000 characters, and a single line at a higher resolution', () => {
    expect(parseStory(story({ lines: lines(21, 150) })).credits).toBe(210);
    expect(parseStory(story({ lines: `${'y'.repeat(1000)}\nshort` })).shotPrompts[0]).toHaveLength(1000);
    expect(parseStory(story({ lines: 'one shot', resolution: '4k' }))).toMatchObject({ resolution: '4k', credits: 30 });
  });

  it('keeps || as part of a line: a story is split on lines only', () => {
    expect(parseStory(story({ lines: 'a || b\nc' })).shotPrompts).toEqual(['a || b', 'c']);
  });

  it.each([
    [{ lines: '' }, 'story_empty'],
    [{ lines: ' \n\n\t\n\u200b ' }, 'story_empty'],
    [{ lines: lines(22) }, 'too_many_shots'],
    [{ lines: `short\n${'z'.repeat(1001)}` }, 'shot_too_long'],
    [{ lines: 'z'.repeat(1001) }, 'shot_too_long'],
    [{ lines: lines(21, 200) }, 'prompt_too_long'],
    [{ lines: 'a\u0007bell\nb' }, 'prompt_control_chars'],
    [{ resolution: '1080p' }, 'story_resolution'],
    [{ resolution: '4k' }, 'story_resolution'],
    [{ images: [png('1.png'), png('2.png'), png('3.png'), png('4.png')] }, 'too_many_images'],
    [{ images: [{ ...png('notes.txt'), contentType: 'text/plain' }] }, 'not_an_image'],
    [{ images: [png('huge.png', 11 * 1024 * 1024)] }, 'image_too_large'],
    [{ aspect: '4:3' }, 'bad_option'],
  ] as [Partial<StoryInput>, string][])('refuses %o with %s and one short sentence', (overrides, code) => {
    const error = refusal(overrides);
    expect(error.code).toBe(code);
    const text = refusalText(error, translator('en'));
    expect(text.length).toBeLessThan(200);
    expect(text).not.toContain('||');
  });

  it('says which line is too long and why a higher resolution does not fit', () => {
    expect(refusal({ lines: `a\n\nb\n${'z'.repeat(1001)}` }).details).toEqual({ shot: 3, max: 1000 });
    expect(refusalText(refusal({ lines: lines(5), resolution: '4k' }), translator('en'))).toBe(
      '4k makes a single 8-second shot and your story has 5 shots: choose 720p, or keep one line.',
    );
  });

  it('leaves /veo prompt splitting on || with newlines inside a shot', () => {
    expect(parseVideoRequest({ text: 'a\nb || c', images: [], mode: null, aspect: null, resolution: null }).shotPrompts).toEqual(['a\nb', 'c']);
  });
});
