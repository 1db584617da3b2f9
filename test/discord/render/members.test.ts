import { describe, expect, it } from 'vitest';
import type { Generation } from '../../../src/domain/generation.js';
import { renderQuotaSettings } from '../../../src/discord/render/adminReplies.js';
import { renderGeneration } from '../../../src/discord/render/generationMessage.js';
import { renderStatusList } from '../../../src/discord/render/statusList.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import type { QuotaConfig } from '../../../src/domain/quota/quotaAdmin.js';
import { sampleGeneration } from '../../support/sampleGeneration.js';

const say = translator('en');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));
const generation = (overrides: Partial<Generation>): Generation => ({ ...sampleGeneration(), ...overrides });

describe('the member rules as members and admins read them', () => {
  it('a cancelled request’s reply names who cancelled it, pings nobody, and offers no Cancel', () => {
    const body = renderGeneration(generation({ id: 4, state: 'failed', errorCode: 'CANCELLED', cancelledBy: '200000000000000003', finishedAt: at(5) }));
    expect(body.embeds[0]!.description).toContain('Cancelled by <@200000000000000003> before it was sent. Its credits were given back.');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(body.components)).not.toContain('veo-withdraw');
  });

  it('a waiting request’s reply carries Cancel', () => {
    const body = renderGeneration(generation({ id: 4, state: 'queued', queuePosition: 2, expectedAt: at(30), shots: [] }));
    expect(body.components).toEqual([{ type: 1, components: [{ type: 2, custom_id: 'veo-withdraw:4', label: 'Cancel', style: 2 }] }]);
  });

  it('/veo status lists a request awaiting approval among the waiting ones, without a place', () => {
    const held = generation({ id: 8, state: 'awaiting_approval', queuePosition: null, prompt: 'waits for a moderator' });
    const description = renderStatusList([held], say, [held]).description!;
    expect(description).toContain('**#8** 🛡️ awaiting approval');
    expect(description.match(/#8\b/g)).toHaveLength(1);
  });

  it('/veo status lists the waiting requests first, each with its place, and each request once', () => {
    const waiting = [generation({ id: 7, state: 'queued', queuePosition: 3, prompt: 'waits first' }), generation({ id: 9, state: 'queued', queuePosition: null, prompt: 'waits next' })];
    const recent = [waiting[1]!, waiting[0]!, generation({ id: 5, state: 'completed', prompt: 'done earlier' })];
    const description = renderStatusList(recent, say, waiting).description!;
    expect(description.indexOf('**Waiting (2)**')).toBe(0);
    expect(description).toContain('**#7** waiting · place 3');
    expect(description).toContain('**#9** waiting for its place');
    expect(description.indexOf('**Recent**')).toBeGreaterThan(description.indexOf('#9'));
    expect(description.match(/\*\*#7\*\*/g)).toHaveLength(1);
    expect(description.indexOf('**#5**')).toBeGreaterThan(description.indexOf('**Recent**'));
  });

  it('/veo-admin settings shows the member limit, how many wait and who is in a cooldown', () => {
    const config = { guildId: 'g', budget: 300, period: 'week', defaultMemberCap: null, confirmThreshold: 30, paused: false, updatedBy: null, updatedAt: null, roleAllowances: [], memberOverrides: [], ceiling: { amount: null, period: 'week' }, global: null, operatorPaused: false } satisfies QuotaConfig;
    const fields = renderQuotaSettings(config, say, { activeLimit: 3, limitSetHere: false, waiting: 4, cooldowns: [{ userId: '200000000000000002', until: at(70), failures: 5 }] }).fields!;
    expect(fields).toEqual(
      expect.arrayContaining([
        { name: 'Active requests per member', value: 'at most 3 (the bot’s default)', inline: true },
        { name: 'Waiting in this server', value: '4 requests', inline: true },
        { name: 'Members in a cooldown', value: `<@200000000000000002> until <t:${at(70).getTime() / 1000}:R>` },
      ]),
    );
    const none = renderQuotaSettings(config, say, { activeLimit: 0, limitSetHere: true, waiting: 1, cooldowns: [] }).fields!;
    expect(none).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'no limit' }), expect.objectContaining({ value: '1 request' }), expect.objectContaining({ name: 'Members in a cooldown', value: 'None' })]));
  });
});
