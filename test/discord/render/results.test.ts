import { describe, expect, it } from 'vitest';
import type { Generation } from '../../../src/domain/generation.js';
import { renderDetails } from '../../../src/discord/render/details.js';
import { linkForDisplay } from '../../../src/discord/render/format.js';
import { renderGeneration } from '../../../src/discord/render/generationMessage.js';
import { renderStatusList } from '../../../src/discord/render/statusList.js';
import { resultButtons } from '../../../src/discord/render/resultButtons.js';
import { shotProgressField, shotSteps } from '../../../src/discord/render/shotProgress.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { sampleGeneration, sampleShot } from '../../support/sampleGeneration.js';
import { limits } from '../words/worstCase.js';

const say = translator('en');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));

const shot = sampleShot;
const generation = (overrides: Partial<Generation> = {}): Generation =>
  sampleGeneration({
    createdAt: at(0),
    submittedAt: at(1),
    finishedAt: at(5),
    shots: [shot(0, { state: 'completed', videoUrl: 'https://video.example/1.mp4', generationSeconds: 93 })],
    ...overrides,
  });

const labels = (g: Generation) => resultButtons(g, say).flatMap((row) => row.components.map((b) => [b.label, b.custom_id]));

describe("a result's buttons", () => {
  it('a video gets Again, Remix, Details and Delete; a failed one Try again and Details; each carries only the id', () => {
    expect(labels(generation())).toEqual([
      ['Again', 'veo-again:7'],
      ['Remix', 'veo-remix:7'],
      ['Details', 'veo-details:7'],
      ['Delete', 'veo-delete:7'],
    ]);
    expect(labels(generation({ state: 'partial' })).map(([label]) => label)).toEqual(['Again', 'Remix', 'Details', 'Delete']);
    expect(labels(generation({ state: 'failed' }))).toEqual([
      ['Try again', 'veo-again:7'],
      ['Details', 'veo-details:7'],
    ]);
  });

  it('only Cancel while it waits; none while the video is made, nor once it is removed', () => {
    expect(labels(generation({ state: 'queued' }))).toEqual([['Cancel', 'veo-withdraw:7']]);
    for (const state of ['submitting', 'running'] as const) expect(labels(generation({ state }))).toEqual([]);
    expect(labels(generation({ removedAt: at(9) }))).toEqual([]);
    expect(labels(generation({ state: 'queued', removedAt: at(9) }))).toEqual([]);
  });
});

describe('per-shot progress', () => {
  const running = generation({
    state: 'running',
    shots: [shot(0, { state: 'completed', finishedAt: at(4) }), shot(1, { state: 'processing' }), shot(2, { state: 'processing' }), shot(3)],
  });

  it('shows shots done, the first unfinished one running since the one before it ended, and the rest waiting', () => {
    expect(shotSteps(running)).toEqual([
      { position: 1, progress: 'done', startedAt: null },
      { position: 2, progress: 'running', startedAt: at(4) },
      { position: 3, progress: 'waiting', startedAt: null },
      { position: 4, progress: 'waiting', startedAt: null },
    ]);
    expect(shotProgressField(running, say)!.value.split('\n')).toEqual([
      '1. ✅ done',
      `2. 🎬 generating, started <t:${at(4).getTime() / 1000}:R>`,
      '3. ⏳ waiting',
      '4. ⏳ waiting',
    ]);
    const first = generation({ state: 'running', shots: [shot(0, { state: 'processing' }), shot(1)] });
    expect(shotSteps(first)[0]).toEqual({ position: 1, progress: 'running', startedAt: at(1) });
  });

  it('is left out for one shot, and once the video is finished', () => {
    expect(shotProgressField(generation({ state: 'running', shots: [shot(0)] }), say)).toBeUndefined();
    expect(shotProgressField({ ...running, state: 'partial' }, say)).toBeUndefined();
  });

  it('fits its field with 21 shots', () => {
    const many = generation({ state: 'running', shots: Array.from({ length: 21 }, (_, i) => shot(i, i < 10 ? { state: 'completed', finishedAt: at(i) } : {})) });
    expect(shotProgressField(many, say)!.value.length).toBeLessThanOrEqual(limits.fieldValue);
  });
});

describe('details', () => {
  it('says everything about a generation: who asked, request, cost charged and refunded, images, links, each shot with its task id and time', () => {
    const g = generation({
      state: 'partial',
      mode: 'reference',
      imageUrls: ['https://cdn.example/ref.png'],
      credits: 20,
      creditsUsed: 20,
      creditsRefunded: 10,
      prompt: 'a fox || an owl',
      shots: [
        shot(0, { prompt: 'a fox', state: 'completed', videoUrl: 'https://video.example/1.mp4', generationSeconds: 93 }),
        shot(1, { prompt: 'an owl', state: 'failed', error: 'failed' }),
      ],
    });
    const pages = renderDetails(g, say, { imageLinks: true });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.title).toBe('Details of video #7');
    expect(pages[0]!.description!.split('\n')).toEqual([
      `**Asked by** <@200000000000000001> <t:${at(0).getTime() / 1000}:f>`,
      '**State** ⚠️ partly done',
      '**Mode** reference · **Aspect** 16:9 · **Resolution** 720p · **Shots** 2',
      '**Cost** 20 credits charged, 10 credits refunded',
      '**Images** (1)',
      'https://cdn.example/ref.png',
      '**Video** (1 link)',
      'https://video.example/1.mp4',
      '',
      '**Shot 1** ✅ done · task `task_1` · 1 min 33 s',
      'a fox',
      '',
      '**Shot 2** ❌ failed · task `task_2`',
      'an owl',
    ]);
  });

  it('splits 21 long shots over pages within Discord’s limits, losing nothing', () => {
    const prompt = (i: number) => `${i}`.padEnd(1000, '*_<@');
    const g = generation({
      shots: Array.from({ length: 21 }, (_, i) => shot(i, { prompt: prompt(i), taskId: `task_${'x'.repeat(200)}_${i}`, state: 'completed', videoUrl: `https://video.example/${'v'.repeat(1900)}/${i}.mp4` })),
    });
    const pages = renderDetails(g, say, { imageLinks: true });
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, index) => {
      expect(page.title).toBe(`Details of video #7 (${index + 1}/${pages.length})`);
      expect(page.description!.length).toBeLessThanOrEqual(limits.embedDescription);
    });
    const text = pages.map((page) => page.description).join('\n');
    for (let i = 0; i < 21; i += 1) {
      expect(text).toContain(`task_${'x'.repeat(200)}_${i}`);
      expect(text).toContain(`https://video.example/${'v'.repeat(1900)}/${i}.mp4`);
    }
    // Every prompt character is there, escaped.
    expect(text.match(/\\\*/g)!.length).toBe(21 * 250);
  });

  it('carries a single 4000-character prompt over pages, marked as continued', () => {
    const g = generation({ prompt: '<'.repeat(4000), shots: [shot(0, { prompt: '<'.repeat(4000), state: 'completed' })] });
    const pages = renderDetails(g, say, { imageLinks: true });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]!.description!.startsWith('(continued)')).toBe(true);
    expect(pages.map((p) => p.description).join('').match(/\\</g)).toHaveLength(4000);
  });
});

describe('links as shown', () => {
  // Stored before links were checked, or sent by a member: whatever a link holds, it stays one link.
  const phishing = 'https://cdn.x/a.mp4 [Free](https://evil.example)';
  const bracketed = 'https://cdn.x/a.mp4?[Free](https://evil.example)';
  const encoded = (link: string) => link.replace(/ /g, '%20').replace(/\[/g, '%5B').replace(/\]/g, '%5D').replace(/\(/g, '%28').replace(/\)/g, '%29');
  // No masked link but the status list's own, and no raw bracket, parenthesis or space from a link.
  const carriesNoMarkdown = (text: string) => expect(text).not.toMatch(/\[Free\]|\(https:\/\/evil|a\.mp4 /);

  it('percent-encodes what could end a link or open markdown, and only that', () => {
    expect(linkForDisplay(phishing)).toBe(encoded(phishing));
    expect(linkForDisplay('https://cdn.x/a.mp4?sig=a_b*c~d&e=1#f')).toBe('https://cdn.x/a.mp4?sig=a_b*c~d&e=1#f');
    expect(linkForDisplay('https://cdn.x/<a>|`b`\\c"\t\n\u200b')).toBe('https://cdn.x/%3Ca%3E%7C%60b%60%5Cc%22%09%0A%E2%80%8B');
  });

  it('in the reply: the content, the Source button and the Source line', () => {
    for (const link of [phishing, bracketed]) {
      const asLink = renderGeneration(generation({ shots: [shot(0, { state: 'completed', videoUrl: link })] }));
      expect(asLink.content).toContain(encoded(link));
      carriesNoMarkdown(asLink.content);
      const withFile = renderGeneration(generation({ shots: [shot(0, { state: 'completed', videoUrl: link })] }), {}, [{ name: 'veo-7.mp4' }]);
      const button = withFile.components[0]!.components[0]!;
      expect('url' in button && button.url).toBe(encoded(link));
      const long = `${link}&pad=${'x'.repeat(600)}`;
      const withLongLink = renderGeneration(generation({ shots: [shot(0, { state: 'completed', videoUrl: long })] }), {}, [{ name: 'veo-7.mp4' }]);
      expect(withLongLink.embeds[0]!.description).toContain(`**Source:** ${encoded(long)}`);
      carriesNoMarkdown(withLongLink.embeds[0]!.description!);
    }
  });

  it('in the details, videos and images alike, and in the status list’s masked link', () => {
    const g = generation({ imageUrls: [bracketed], shots: [shot(0, { state: 'completed', videoUrl: phishing })] });
    const details = renderDetails(g, say, { imageLinks: true })[0]!.description!;
    expect(details).toContain(encoded(phishing));
    expect(details).toContain(encoded(bracketed));
    carriesNoMarkdown(details);
    for (const link of [phishing, bracketed]) {
      const list = renderStatusList([generation({ shots: [shot(0, { state: 'completed', videoUrl: link })] })], say).description!;
      expect(list).toContain(`[video](${encoded(link)})`);
      carriesNoMarkdown(list);
    }
  });
});
