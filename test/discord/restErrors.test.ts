import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { observeDiscordErrors } from '../../src/discord/restErrors.js';
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
});
