import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createServerAlerts } from '../../src/discord/serverAlerts.js';
import { createLogger } from '../../src/log.js';

const guildId = '100000000000000001';
const ownerId = '200000000000000001';

/** A REST client that opens DM channels (or refuses to, like a member with closed DMs) and records each message. */
function recordingRest({ dmsClosed = false } = {}) {
  const sent: { channel: string; content: string; allowedMentions: unknown }[] = [];
  const rest = {
    async post(route: string, { body }: { body: Record<string, unknown> }) {
      if (route === '/users/@me/channels') return { id: `dm-${String(body.recipient_id)}` };
      const channel = route.split('/')[2]!;
      if (dmsClosed && channel.startsWith('dm-')) throw new Error('Cannot send messages to this user');
      sent.push({ channel, content: String(body.content), allowedMentions: body.allowed_mentions });
      return {};
    },
  } as unknown as REST;
  return { rest, sent };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const guildOf = () => ({ ownerId, name: 'Fox Den', preferredLocale: 'de' });

describe("a server's owner told about the server's own key", () => {
  it("gets the DM (not the operator), in the server's language, pinging nobody", async () => {
    const { rest, sent } = recordingRest();
    createServerAlerts({ rest, guildOf, log: createLogger({ write: () => {} }) }).alert({ kind: 'account_empty', guildId });
    await settle();
    expect(sent).toEqual([{ channel: `dm-${ownerId}`, content: expect.stringContaining('Fox Den'), allowedMentions: { parse: [] } }]);
    expect(sent[0]!.content).toContain('keine Credits mehr');
  });

  it("with DMs closed, is told in the server's log channel when one is set, else it is logged", async () => {
    const { rest, sent } = recordingRest({ dmsClosed: true });
    createServerAlerts({ rest, guildOf, logChannelOf: () => '300000000000000009', log: createLogger({ write: () => {} }) }).alert({ kind: 'key_refused', guildId });
    await settle();
    expect(sent).toEqual([{ channel: '300000000000000009', content: expect.stringContaining('/veo-admin api-key set'), allowedMentions: { parse: [] } }]);

    const lines: string[] = [];
    const quiet = recordingRest({ dmsClosed: true });
    createServerAlerts({ rest: quiet.rest, guildOf, log: createLogger({ write: (line) => lines.push(line) }) }).alert({ kind: 'key_refused', guildId });
    await settle();
    expect(quiet.sent).toEqual([]);
    expect(lines.join('\n')).toContain('has no log channel');
  });
});
