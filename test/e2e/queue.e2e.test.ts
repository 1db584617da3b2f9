import { afterEach, describe, expect, it } from 'vitest';
import { startWorld, type BotWorld, showsVideo } from '../support/botHarness.js';
import type { FakeMessage } from '../support/fakeDiscord/index.js';

const title = (message: FakeMessage | undefined) => (message?.embeds[0] as { title?: string } | undefined)?.title ?? '';
const fields = (message: FakeMessage) => (message.embeds[0] as { fields: { name: string; value: string }[] }).fields;

describe('the queue when the API key has no request left', () => {
  let world: BotWorld;
  afterEach(() => world?.close());

  it('accepts the request, shows its place and expected start, and makes it when the key frees', async () => {
    // Two submissions per 1.5-second window; the third waits.
    world = await startWorld({ env: { API_RATE_LIMIT: '4', API_RATE_WINDOW_MS: '1500', API_POLL_RESERVE: '2', API_SUBMIT_RESERVE: '0' } });
    const first = world.prompt('first');
    await world.discord.waitFor(() => title(first.original()).includes('Generating'));
    const second = world.prompt('second');
    await world.discord.waitFor(() => title(second.original()).includes('Generating'));
    const third = world.prompt('third');

    const queued = await world.discord.waitFor(() => title(third.original()).includes('Queued') && third.original());
    expect(fields(queued)).toEqual(
      expect.arrayContaining([
        { name: 'Queue position', value: '1', inline: true },
        expect.objectContaining({ name: 'Expected start', value: expect.stringMatching(/^<t:\d+:R>$/) }),
        { name: 'Cost', value: '10 credits', inline: true },
      ]),
    );
    const done = await world.discord.waitFor(() => showsVideo(third.original()) && third.original(), 10_000);
    expect(title(done)).toContain('ready');
    expect(world.api.requests.filter((r) => r.endpoint === 'generate')).toHaveLength(3);
    expect(world.api.requests.filter((r) => r.status === 429)).toHaveLength(0);
  });
});
