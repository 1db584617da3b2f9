import { describe, expect, it } from 'vitest';
import { renderServers } from '../../../src/discord/render/operatorReplies.js';
import { withServerKeyField } from '../../../src/discord/render/serverKeyReplies.js';
import { translator } from '../../../src/discord/words/catalogue.js';

const say = translator('en');
const server = (guildId: string, name: string, ownKey: boolean) => ({
  guildId,
  name,
  budget: 100,
  period: 'week' as const,
  ceiling: { amount: 100, period: 'week' as const },
  used: 0,
  paused: false,
  allowed: true,
  lastActivity: null,
  ownKey,
});

describe("servers' own keys in the replies", () => {
  it('/veo-operator servers marks the servers that pay with their own key, and only those', () => {
    const embed = renderServers(
      { servers: [server('100000000000000001', 'Own', true), server('100000000000000002', 'Theirs', false)], count: 2, page: 1, pages: 1, paused: false, accountEmpty: false, unknownPaused: false },
      say,
    );
    const [own, theirs] = embed.description!.split('\n\n');
    expect(own).toContain('pays with its own key');
    expect(theirs).not.toContain('own key');
  });

  it('/veo-admin settings shows whether a key is set, its fingerprint, requests left and the account, never more', () => {
    const set = withServerKeyField({ title: 't' }, { fingerprint: 'abc123def456', requestsLeft: 1, accountEmpty: true, refused: false }, false, say);
    expect(set.fields).toEqual([{ name: 'Own nanophoto key', value: 'Set (`abc123def456`): 1 request left this hour; its account is empty.' }]);
    expect(withServerKeyField({}, null, true, say).fields?.[0]?.value).toBe('None: this server needs one to make videos.');
  });
});
