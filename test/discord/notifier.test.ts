import { DiscordAPIError, RESTJSONErrorCodes, type REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { createDiscordNotifier } from '../../src/discord/notifier.js';
import { silentLogger } from '../../src/log.js';
import { sampleGeneration, sampleTime } from '../support/sampleGeneration.js';

const TOKEN = 'aW50ZXJhY3Rpb24fake-interaction-token-0123456789';
const REPLY_ID = '900000000000000001';

/** discord.js's REST as the notifier uses it, answering every edit: the routes taken are what is tested. */
function recordingRest(refuseFiles: () => boolean) {
  const routes: string[] = [];
  const answer = async (method: string, route: string, options?: { body?: unknown }) => {
    routes.push(`${method} ${route.replace(TOKEN, '<token>')}`);
    if (options?.body instanceof FormData && refuseFiles()) {
      throw new DiscordAPIError({ code: RESTJSONErrorCodes.RequestEntityTooLarge, message: 'Request entity too large' }, RESTJSONErrorCodes.RequestEntityTooLarge, 413, method, route, { body: {}, files: [] });
    }
    return { id: REPLY_ID };
  };
  const rest = {
    patch: (route: string, options?: { body?: unknown }) => answer('PATCH', route, options),
    post: (route: string, options?: { body?: unknown }) => answer('POST', route, options),
    get: (route: string) => answer('GET', route),
  };
  return { rest: rest as unknown as REST, routes };
}

function setup({ refuseFiles = false } = {}) {
  const clock = new ManualClock(sampleTime);
  const { rest, routes } = recordingRest(() => refuseFiles);
  const notifier = createDiscordNotifier({ rest, applicationId: () => '500000000000000001', clock, tokenTtlMs: 15 * 60_000, log: silentLogger });
  return { clock, notifier, routes };
}

const file = { name: 'veo-7.mp4', size: 3, content: new Blob(['abc']) };
const webhook = 'PATCH /webhooks/500000000000000001/<token>/messages/%40original';
const channelEdit = `PATCH /channels/300000000000000001/messages/${REPLY_ID}`;

describe('the notifier\'s interaction tokens', () => {
  it('keeps a token through progress and forgets it once the final state is shown', async () => {
    const { notifier, routes } = setup();
    notifier.rememberInteraction(7, TOKEN);
    await notifier.deliver(sampleGeneration({ state: 'running', finishedAt: null, replyMessageId: REPLY_ID, revision: 2 }));
    expect(notifier.interactionsHeld()).toBe(1);
    await notifier.deliver(sampleGeneration({ replyMessageId: REPLY_ID, revision: 3 }));
    expect(notifier.interactionsHeld()).toBe(0);
    // A later change (a button's edit, a restart's resend) goes through the bot's own edit.
    await notifier.deliver(sampleGeneration({ replyMessageId: REPLY_ID, revision: 4 }));
    expect(routes).toEqual([webhook, webhook, channelEdit]);
  });

  it('forgets the token once the files are shown', async () => {
    const { notifier } = setup();
    notifier.rememberInteraction(7, TOKEN);
    expect(await notifier.deliverFiles(sampleGeneration({ replyMessageId: REPLY_ID }), [file])).toEqual({ messageId: REPLY_ID, path: 'webhook' });
    expect(notifier.interactionsHeld()).toBe(0);
  });

  it('keeps the token when Discord refused the files, for the link that follows', async () => {
    const { notifier, routes } = setup({ refuseFiles: true });
    notifier.rememberInteraction(7, TOKEN);
    const generation = sampleGeneration({ replyMessageId: REPLY_ID });
    expect(await notifier.deliverFiles(generation, [file])).toEqual({ kind: 'files_refused', reason: 'too_large' });
    expect(notifier.interactionsHeld()).toBe(1);
    await notifier.deliver(generation);
    expect(notifier.interactionsHeld()).toBe(0);
    expect(routes).toEqual([webhook, webhook]);
  });

  it('drops expired tokens when another is remembered', () => {
    const { clock, notifier } = setup();
    notifier.rememberInteraction(7, TOKEN);
    clock.advance(15 * 60_000);
    notifier.rememberInteraction(8, TOKEN);
    expect(notifier.interactionsHeld()).toBe(1);
  });
});
