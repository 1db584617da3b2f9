import { describe, expect, it } from 'vitest';
import type { ApprovalState, Generation } from '../../../src/domain/generation.js';
import { MAX_DENY_REASON_LENGTH } from '../../../src/domain/moderation/approvals.js';
import { renderDenyModal } from '../../../src/discord/render/denyForm.js';
import { renderApprovalMessage, renderLogPost } from '../../../src/discord/render/moderationMessages.js';
import { withModeration } from '../../../src/discord/render/moderationSettings.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { discordCodes, locales } from '../../../src/discord/words/locale.js';
import { acceptModal } from '../../support/fakeDiscord/modals.js';
import { sampleGeneration, sampleShot } from '../../support/sampleGeneration.js';
import { limits } from '../words/worstCase.js';
import { expectWithinLimits } from './withinLimits.js';

const snowflake = '18446744073709551615';
const far = new Date(8_640_000_000_000);
// Every character markdown escaping or mention defusing lengthens.
const worstText = '*_~`|>#-@<'.repeat(100);
const longImage = (i: number) => `https://cdn.discordapp.com/attachments/${snowflake}/${snowflake}/${'(|)'.repeat(600)}${i}.png`;
const states: ApprovalState[] = ['waiting', 'approved', 'denied', 'expired', 'cancelled', 'unreachable'];

/** A story of 21 shots of the worst text, three long image links, decided by a moderator with the longest reason. */
function worst(state: ApprovalState, guildLocale: string, overrides: Partial<Generation> = {}): Generation {
  return sampleGeneration({
    id: Number.MAX_SAFE_INTEGER,
    userId: snowflake,
    channelId: snowflake,
    guildId: snowflake,
    replyMessageId: snowflake,
    guildLocale,
    prompt: worstText.repeat(4),
    credits: 10_000_000_000,
    creditsUsed: 10_000_000_000,
    creditsRefunded: 9_999_999_999,
    state: state === 'approved' ? 'partial' : 'failed',
    errorCode: state === 'approved' ? null : 'APPROVAL_DENIED',
    imageUrls: [longImage(1), longImage(2), longImage(3)],
    shots: Array.from({ length: 21 }, (_, i) => sampleShot(i, { prompt: worstText })),
    approval: { state, deciderId: snowflake, reason: worstText.slice(0, MAX_DENY_REASON_LENGTH), expiresAt: far, decidedAt: far },
    ...overrides,
  });
}

describe('the approval message and the log post', () => {
  const cases = locales.flatMap((locale) => states.map((state) => [discordCodes[locale][0]!, state] as const));

  it.each(cases)('stay within Discord’s limits in %s, %s, whatever the member and moderator typed', (locale, state) => {
    expectWithinLimits(renderApprovalMessage(worst(state, locale)));
    expectWithinLimits(renderLogPost(worst(state, locale)));
    expectWithinLimits(renderApprovalMessage(worst(state, locale, { shots: [sampleShot(0, { prompt: worstText.repeat(4) })] })));
  });

  it('name the member without pinging anyone, and carry Approve and Deny only while the request waits', () => {
    const waiting = renderApprovalMessage(sampleGeneration({ state: 'awaiting_approval', prompt: '@everyone <@1>', approval: { state: 'waiting', deciderId: null, reason: null, expiresAt: far, decidedAt: null } }));
    expect(waiting.allowed_mentions).toEqual({ parse: [] });
    expect(waiting.content).toBe('<@200000000000000001> asked for a video in <#300000000000000001>.');
    expect(waiting.embeds[0]!.description).toBe('@\u200beveryone \\<@\u200b1>');
    const rows = waiting.components as unknown as { components: { custom_id: string }[] }[];
    expect(rows.flatMap((row) => row.components.map((button) => button.custom_id))).toEqual(['veo-approve:7', 'veo-deny:7']);
    const approved = renderApprovalMessage(worst('approved', 'en-US'));
    expect(approved.components).toEqual([]);
    expect(renderLogPost(worst('denied', 'en-US')).allowed_mentions).toEqual({ parse: [] });
  });

  it('show a removed result without its prompt or images', () => {
    const removed = worst('approved', 'en-US', { removedAt: far, prompt: 'secret prompt', shots: [sampleShot(0, { prompt: 'secret prompt' })] });
    for (const body of [renderApprovalMessage(removed), renderLogPost(removed)]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain('secret prompt');
      expect(text).not.toContain('cdn.discordapp.com');
      expect(body.embeds[0]!.description).toMatch(/removed/);
    }
  });

  it('link the log post to its reply, and say how the request ended', () => {
    const post = renderLogPost(sampleGeneration({ replyMessageId: '900000000000000001', state: 'failed', errorCode: 'APPROVAL_EXPIRED' }));
    expect(post.embeds[0]!.title).toBe('Video request ⌛ expired before approval');
    expect(JSON.stringify(post)).toContain('https://discord.com/channels/100000000000000001/300000000000000001/900000000000000001');
  });
});

describe('the Deny form and the settings lines', () => {
  it.each(locales)('are what Discord accepts, in %s', (locale) => {
    const say = translator(locale);
    expect(() => acceptModal(renderDenyModal(Number.MAX_SAFE_INTEGER, say).toJSON() as unknown as Record<string, unknown>)).not.toThrow();
    const settings = withModeration(
      { title: 'x', fields: Array.from({ length: 20 }, () => ({ name: 'n', value: 'v'.repeat(200) })) },
      { approval: { channelId: snowflake, roleId: snowflake }, logChannelId: snowflake, approvalProblem: 'no_permission', logProblem: 'channel_gone' },
      say,
    );
    expect(settings.fields).toHaveLength(23);
    for (const field of settings.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(limits.fieldValue);
  });
});
