import { describe, expect, it } from 'vitest';
import { renderGeneration } from '../../../src/discord/render/generationMessage.js';
import { sampleGeneration, sampleShot, sampleTime } from '../../support/sampleGeneration.js';

const link = 'https://cdn.example/7.mp4';
const finished = sampleGeneration({
  state: 'completed',
  finishedAt: sampleTime,
  videoUrl: link,
  shots: [sampleShot(0, { state: 'completed', videoUrl: link, taskId: 'task_1' })],
});

describe('a reply with a copy that fits', () => {
  it('says in one line that it is a smaller copy, and keeps the Source link to the original', () => {
    const body = renderGeneration(finished, {}, [{ name: 'veo-7.mp4', copy: { part: 1, parts: 1 } }]);
    expect(body.content).toBe('📦 A smaller copy of a larger original; Source has the original.');
    const source = body.components[0]!.components[0]!;
    expect('url' in source && source.url).toBe(link);
    expect(body.attachments).toEqual([{ id: '0', filename: 'veo-7.mp4' }]);
  });

  it('counts parts as one video: no link is left as if its file were missing', () => {
    const parts = [1, 2, 3].map((part) => ({ name: `veo-7-part-${part}-of-3.mp4`, copy: { part, parts: 3 } }));
    const body = renderGeneration(finished, {}, parts);
    expect(body.content).toBe('📦 A smaller copy of a larger original, in 3 parts in order; Source has the original.');
    expect(body.content).not.toContain(link);
    expect(body.attachments).toHaveLength(3);
  });

  it('says nothing of a copy when the original itself is attached', () => {
    expect(renderGeneration(finished, {}, [{ name: 'veo-7.mp4' }]).content).toBe('');
  });
});

describe('Extend and Join on a finished reply', () => {
  const labels = (body: ReturnType<typeof renderGeneration>) =>
    (body.components as unknown as { components: { label: string }[] }[]).map((row) => row.components.map((button) => button.label));

  it('offers Extend beside Again, Remix, Details and Delete when the bot has ffmpeg, and not without', () => {
    expect(labels(renderGeneration(finished, { videoTools: true }))).toEqual([['Again', 'Remix', 'Extend', 'Details', 'Delete']]);
    expect(labels(renderGeneration(finished))).toEqual([['Again', 'Remix', 'Details', 'Delete']]);
  });

  it('offers Join on an extension, on a row of its own (five buttons fill one)', () => {
    const extension = { ...finished, id: 8, extendsGenerationId: 7 };
    const body = renderGeneration(extension, { videoTools: true });
    expect(labels(body)).toEqual([['Again', 'Remix', 'Extend', 'Details', 'Delete'], ['Join']]);
    expect(body.components[1]!.components[0]).toMatchObject({ custom_id: 'veo-join:8' });
  });

  it('offers neither on a failed video', () => {
    expect(labels(renderGeneration({ ...finished, state: 'failed', videoUrl: null, shots: [] }, { videoTools: true }))).toEqual([['Try again', 'Details']]);
  });
});
