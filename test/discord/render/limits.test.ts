import type { APIApplicationCommandOption, APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { renderStoryModal } from '../../../commands/veo/story.js';
import { failureCodes, type Generation, type GenerationState } from '../../../src/domain/generation.js';
import { MAX_CREDITS } from '../../../src/domain/quota/adminInput.js';
import type { CreditsSummary, QuotaConfig, UsageReport } from '../../../src/domain/quota/quotaService.js';
import { MAX_PROMPT_LENGTH, parseStory, parseVideoRequest } from '../../../src/domain/videoRequest.js';
import { renderQuotaSettings, renderUsageReport } from '../../../src/discord/render/adminReplies.js';
import { renderConfirmation, renderCreditsSummary } from '../../../src/discord/render/credits.js';
import { renderGeneration } from '../../../src/discord/render/generationMessage.js';
import { renderStatusList } from '../../../src/discord/render/statusList.js';
import { renderOperatorUsage, renderServers, SERVERS_PER_PAGE } from '../../../src/discord/render/operatorReplies.js';
import type { OperatorUsage } from '../../../src/domain/operator/operatorControls.js';
import { serverChoices } from '../../../commands/veoOperator/autocomplete.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { acceptModal } from '../../support/fakeDiscord/modals.js';
import { limits } from '../words/worstCase.js';

const say = translator('en');
const huge = 9_999_999_999;
const snowflake = '18446744073709551615';
const far = new Date(8_640_000_000_000);
// Every character markdown escaping or mention defusing lengthens.
const worstPrompt = '*_~`|>#-@<'.repeat(MAX_PROMPT_LENGTH / 10);

function expectWithinLimits(body: { content?: string; embeds?: APIEmbed[] }): void {
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(limits.content);
  for (const embed of body.embeds ?? []) {
    const fields = embed.fields ?? [];
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(limits.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(limits.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(limits.footer);
    expect(fields.length).toBeLessThanOrEqual(25);
    for (const field of fields) {
      expect(field.name.length).toBeLessThanOrEqual(limits.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(limits.fieldValue);
      expect(field.value.trim()).not.toBe('');
    }
    const total = [embed.title, embed.description, embed.footer?.text, ...fields.flatMap((f) => [f.name, f.value])].join('').length;
    expect(total).toBeLessThanOrEqual(6000);
  }
}

function worstGeneration(state: GenerationState, errorCode: Generation['errorCode']): Generation {
  const shots = Array.from({ length: 21 }, (_, i) => ({
    id: `veo-${Number.MAX_SAFE_INTEGER}-${i + 1}`,
    position: i,
    prompt: worstPrompt.slice(0, 1000),
    taskId: `task_${'x'.repeat(200)}`,
    state: i % 2 === 0 ? ('completed' as const) : ('failed' as const),
    videoUrl: `https://video.nanophoto.ai/veo/${'v'.repeat(300)}/${i}.mp4`,
    error: null,
    generationSeconds: huge,
  }));
  return {
    id: Number.MAX_SAFE_INTEGER,
    guildId: snowflake,
    channelId: snowflake,
    userId: snowflake,
    interactionId: snowflake,
    locale: 'en-US',
    guildLocale: 'en-US',
    replyMessageId: snowflake,
    prompt: worstPrompt,
    mode: 'reference',
    aspectRatio: '16:9',
    resolution: '720p',
    imageUrls: [],
    credits: huge,
    creditsUsed: huge,
    creditsRefunded: huge - 1,
    state,
    errorCode,
    videoUrl: null,
    createdAt: far,
    submittedAt: far,
    expectedAt: far,
    queuePosition: huge,
    waitReason: state === 'queued' ? 'account_empty' : null,
    finishedAt: far,
    nextPollAt: null,
    pollCount: huge,
    revision: huge,
    deliveredRevision: 0,
    deliveryAttempts: 0,
    shots,
  };
}

const states: GenerationState[] = ['queued', 'submitting', 'running', 'completed', 'partial', 'failed'];

const operatorLimit = { amount: MAX_CREDITS, period: 'month' as const, used: huge, remaining: MAX_CREDITS, resetsAt: far };

describe('every rendered message stays inside Discord’s limits, whatever members and the vendor send', () => {
  it.each(states)('a %s generation, in the reply, a new message and a DM, with every failure code', (state) => {
    for (const code of [null, ...failureCodes]) {
      const generation = worstGeneration(state, code);
      for (const options of [{}, { ping: true }, { directMessage: true }]) expectWithinLimits(renderGeneration(generation, options));
    }
  });

  it('the status list of ten such generations', () => {
    const recent = states.flatMap((state) => [worstGeneration(state, 'GENERATION_FAILED'), worstGeneration(state, null)]).slice(0, 10);
    expectWithinLimits({ embeds: [renderStatusList(recent, say)] });
  });

  it('the confirmation question and the credits summary', () => {
    const request = parseVideoRequest({ text: Array(21).fill(worstPrompt.slice(0, 180)).join('||'), images: [], mode: null, aspect: null, resolution: null });
    expectWithinLimits(renderConfirmation(request, huge, 'f'.repeat(16), far, say));
    const summary: CreditsSummary = {
      guildId: snowflake,
      userId: snowflake,
      period: 'month',
      periodKey: 'month:2026-12',
      periodStart: far,
      resetsAt: far,
      paused: false,
      enabled: true,
      confirmThreshold: MAX_CREDITS,
      server: { budget: MAX_CREDITS, used: huge, remaining: MAX_CREDITS },
      member: { cap: MAX_CREDITS, source: 'role', roleId: snowflake, used: huge, remaining: MAX_CREDITS },
      ceiling: operatorLimit,
      global: operatorLimit,
      operatorPaused: true,
      available: MAX_CREDITS,
    };
    expectWithinLimits({ embeds: [renderCreditsSummary(summary, say)] });
  });

  it('the confirmation of a story, with its shot list, at the most shots and the longest lines', () => {
    for (const [count, length] of [[21, 189], [3, 1000], [2, 1000]] as const) {
      const request = parseStory({ lines: Array(count).fill(worstPrompt.slice(0, length)).join('\n'), images: [], aspect: null });
      const question = renderConfirmation(request, huge, 'f'.repeat(16), far, say);
      expectWithinLimits(question);
      expect(question.embeds[0]!.description!.split('\n')).toHaveLength(count);
    }
  });

  it('the story form, as the fake Discord checks a modal', () => {
    expect(() => acceptModal(renderStoryModal(say).toJSON() as unknown as Record<string, unknown>)).not.toThrow();
  });

  it('the usage report and the settings of a server with hundreds of roles and members', () => {
    const report: UsageReport = {
      guildId: snowflake,
      period: 'month',
      periodKey: 'month:2026-12',
      periodStart: far,
      resetsAt: far,
      budget: MAX_CREDITS,
      used: huge,
      breakdown: { settled: huge, refunded: huge, open: huge, adjusted: -huge },
      byKind: { reserve: huge, settle: huge, refund: -huge, release: -huge, adjust: huge },
      generations: huge,
      refunds: huge,
      releases: huge,
      topMembers: Array.from({ length: 10 }, () => ({ userId: snowflake, used: huge })),
    };
    expectWithinLimits({ embeds: [renderUsageReport(report, say)] });
    const config: QuotaConfig = {
      guildId: snowflake,
      budget: MAX_CREDITS,
      period: 'month',
      defaultMemberCap: MAX_CREDITS,
      confirmThreshold: MAX_CREDITS,
      paused: true,
      updatedBy: snowflake,
      updatedAt: far,
      roleAllowances: Array.from({ length: 250 }, () => ({ roleId: snowflake, allowance: MAX_CREDITS, updatedBy: snowflake, updatedAt: far })),
      memberOverrides: Array.from({ length: 1000 }, () => ({ userId: snowflake, cap: MAX_CREDITS, updatedBy: snowflake, updatedAt: far })),
      ceiling: { amount: MAX_CREDITS, period: 'month' },
      global: operatorLimit,
      operatorPaused: true,
    };
    expectWithinLimits({ embeds: [renderQuotaSettings(config, say)] });
  });

  it("the operator's server list and usage, with the longest server names", () => {
    const longName = `<@${snowflake}> **${'w'.repeat(100)}`;
    const servers = Array.from({ length: SERVERS_PER_PAGE }, () => ({
      guildId: snowflake,
      name: longName,
      budget: MAX_CREDITS,
      period: 'month' as const,
      ceiling: { amount: MAX_CREDITS, period: 'week' as const },
      used: huge,
      paused: true,
      allowed: false,
      lastActivity: far,
    }));
    expectWithinLimits({ embeds: [renderServers({ servers, count: huge, page: huge, pages: huge, paused: true, accountEmpty: true }, say)] });
    const usage: OperatorUsage = {
      period: 'month',
      periodKey: 'month:2026-12',
      resetsAt: far,
      globalBudget: MAX_CREDITS,
      total: huge,
      refunded: huge,
      generations: huge,
      releases: huge,
      servers: Array.from({ length: 2500 }, () => ({ guildId: snowflake, charged: huge, refunded: huge, generations: huge, releases: huge })),
    };
    expectWithinLimits({ embeds: [renderOperatorUsage(usage, () => longName, say)] });
  });

  it('autocomplete choices of servers with the longest names', () => {
    const choices = serverChoices(Array.from({ length: 100 }, (_, i) => ({ id: `${snowflake.slice(0, 17)}${i}`, name: 'n'.repeat(100) })), '');
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(limits.choiceName);
  });

  it('slash command, option and choice descriptions', () => {
    const walk = (options: readonly APIApplicationCommandOption[] | undefined): void => {
      for (const option of options ?? []) {
        expect(option.description.length, option.name).toBeLessThanOrEqual(limits.commandDescription);
        expect(option.description.length, option.name).toBeGreaterThan(0);
        for (const choice of 'choices' in option ? (option.choices ?? []) : []) expect(choice.name.length).toBeLessThanOrEqual(limits.choiceName);
        walk('options' in option ? option.options : undefined);
      }
    };
    for (const command of commands) {
      expect(command.data.description.length).toBeLessThanOrEqual(limits.commandDescription);
      walk(command.data.options);
    }
  });
});
