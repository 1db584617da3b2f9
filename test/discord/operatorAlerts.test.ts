import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createOperatorAlerts, type Operators } from '../../src/discord/operators.js';
import { silentLogger } from '../../src/log.js';

/** A REST client that opens a DM channel per recipient and records each message it is asked to post. */
function recordingRest() {
  const sent: { channel: string; content: string }[] = [];
  const rest = {
    async post(route: string, { body }: { body: Record<string, unknown> }) {
      if (route === '/users/@me/channels') return { id: `dm-${String(body.recipient_id)}` };
      sent.push({ channel: route.split('/')[2]!, content: String(body.content) });
      return {};
    },
  } as unknown as REST;
  return { rest, sent };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('operator alerts', () => {
  it('holds an alert raised before the bot knows its operators (the recovery at start), and sends it once they are known', async () => {
    const { rest, sent } = recordingRest();
    let ids: string[] = [];
    const operators: Operators = { has: (id) => ids.includes(id), ids: () => ids };
    const alerts = createOperatorAlerts({ rest, operators, log: silentLogger });

    alerts.alert({ kind: 'unknown_outcomes', count: 3 });
    await settle();
    expect(sent).toEqual([]);

    ids = ['200000000000000001'];
    alerts.ready();
    await settle();
    expect(sent).toEqual([{ channel: 'dm-200000000000000001', content: expect.stringContaining('3') }]);

    alerts.alert({ kind: 'account_empty', requiredCredits: 80, waitingCredits: 120 });
    await settle();
    expect(sent).toHaveLength(2);

    // With several keys, the DM names the key by its fingerprint and says the others go on.
    alerts.alert({ kind: 'account_empty', requiredCredits: 80, waitingCredits: 120, keyFingerprint: 'abcdef012345', otherKeys: 2 });
    await settle();
    expect(sent[2]!.content).toContain('`abcdef012345`');
    expect(sent[2]!.content).toContain('the other 2 keys go on');
    expect(sent[1]!.content).not.toContain('`');
  });
});
