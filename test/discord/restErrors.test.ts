import { HTTPError, REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { observeDiscordErrors } from '../../src/discord/restErrors.js';
import { createLogger } from '../../src/log.js';
import { BOT_TOKEN, CHANNEL_ID, startFakeServices } from '../support/botHarness.js';
import type { FakeDiscord } from '../support/fakeDiscord/index.js';
import type { FakeNanophoto } from '../support/fakeNanophoto.js';

describe('observeDiscordErrors', () => {
  let discord: FakeDiscord;
  let api: FakeNanophoto;
  afterEach(async () => {
    await discord.close();
    await api.close();
  });

  it("reports Discord's error code for every refused request, and lets the error through", async () => {
    ({ discord, api } = await startFakeServices());
    const rest = new REST({ api: discord.restUrl, retries: 0 }).setToken(BOT_TOKEN);
    const codes: string[] = [];
    observeDiscordErrors(rest, (code) => codes.push(code));

    await rest.get(Routes.channel(CHANNEL_ID));
    await expect(rest.get(Routes.channelMessage(CHANNEL_ID, '900000000000000009'))).rejects.toMatchObject({ code: 10008 });
    await expect(rest.get(Routes.channel('300000000000000999'))).rejects.toMatchObject({ code: 10003 });
    expect(codes).toEqual(['10008', '10003']);
  });

  it("logs a refused edit by its route, status and code, never the message it carried", async () => {
    ({ discord, api } = await startFakeServices());
    const rest = new REST({ api: discord.restUrl, retries: 0 }).setToken(BOT_TOKEN);
    const prompt = 'a red fox leaping over a frozen river at dawn';
    const error = await rest
      .patch(Routes.channelMessage(CHANNEL_ID, '900000000000000009'), { body: { content: `**${prompt}**`, embeds: [{ description: prompt }] } })
      .catch((refused: unknown) => refused);
    const lines: string[] = [];
    createLogger({ write: (line) => lines.push(line) }).error({ err: error, generationId: 7 }, 'delivery failed');

    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('fox');
    const { err } = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(err).toMatchObject({ name: 'DiscordAPIError[10008]', method: 'PATCH', path: `/api/v10/channels/${CHANNEL_ID}/messages/900000000000000009`, status: 404, code: 10008 });
    expect(Object.keys(err).sort()).toEqual(['code', 'message', 'method', 'name', 'path', 'stack', 'status']);
  });

  it('logs an HTTP error without a Discord code the same way', () => {
    const lines: string[] = [];
    const error = new HTTPError(502, 'Bad Gateway', 'POST', 'https://discord.com/api/v10/channels/1/messages?x=1', { body: { content: 'a secret prompt' }, files: undefined });
    createLogger({ write: (line) => lines.push(line) }).error({ err: error }, 'post failed');
    expect(lines[0]).not.toContain('secret prompt');
    expect(JSON.parse(lines[0]!)).toMatchObject({ err: { name: 'HTTPError', method: 'POST', path: '/api/v10/channels/1/messages', status: 502 } });
  });
});
