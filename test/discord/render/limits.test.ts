import type { APIActionRowComponent, APIApplicationCommandOption, APIButtonComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { renderRemixModal } from '../../../src/discord/render/remixForm.js';
import { renderStoryModal } from '../../../src/discord/render/storyForm.js';
import { failureCodes, type Generation, type GenerationState } from '../../../src/domain/generation.js';
import { MAX_CREDITS } from '../../../src/domain/quota/adminInput.js';
import type { QuotaConfig } from '../../../src/domain/quota/quotaAdmin.js';
import type { CreditsSummary, UsageReport } from '../../../src/domain/quota/types.js';
import { MAX_PROMPT_LENGTH, parseStory, parseVideoRequest } from '../../../src/domain/videoRequest.js';
import { renderQuotaSettings, renderUsageReport } from '../../../src/discord/render/adminReplies.js';
import { renderConfirmation, renderCreditsSummary } from '../../../src/discord/render/credits.js';
import { renderDetails } from '../../../src/discord/render/details.js';
import { linkForDisplay } from '../../../src/discord/render/format.js';
import { renderGeneration, type MessageBody } from '../../../src/discord/render/generationMessage.js';
import { renderStatusList } from '../../../src/discord/render/statusList.js';
import { renderKeys, renderOperatorUsage, renderServers, SERVERS_PER_PAGE } from '../../../src/discord/render/operatorReplies.js';
import { withServerKeyField } from '../../../src/discord/render/serverKeyReplies.js';
import type { OperatorUsage } from '../../../src/domain/operator/operatorControls.js';
import { serverChoices } from '../../../commands/veoOperator/autocomplete.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { acceptModal } from '../../support/fakeDiscord/modals.js';
import { discordCodes, fallbackLocale, locales, type Locale } from '../../../src/discord/words/locale.js';
import { aspectRatios, resolutions } from '../../../src/veo/types.js';
import { limits } from '../words/worstCase.js';
import { expectWithinLimits } from './withinLimits.js';

const huge = 9_999_999_999;
const snowflake = '18446744073709551615';
const far = new Date(8_640_000_000_000);
// Every character markdown escaping or mention defusing lengthens.
const worstPrompt = '*_~`|>#-@<'.repeat(MAX_PROMPT_LENGTH / 10);

function worstGeneration(state: GenerationState, errorCode: Generation['errorCode'], discordLocale: string): Generation {
  const shots = Array.from({ length: 21 }, (_, i) => ({
    id: `veo-${Number.MAX_SAFE_INTEGER}-${i + 1}`,
    position: i,
    prompt: worstPrompt.slice(0, 1000),
    taskId: `task_${'x'.repeat(200)}`,
    state: i % 2 === 0 ? ('completed' as const) : ('failed' as const),
    videoUrl: `https://video.nanophoto.ai/veo/${'v'.repeat(300)}/${i}.mp4`,
    error: null,
    generationSeconds: huge,
    finishedAt: far,
  }));
  return {
    id: Number.MAX_SAFE_INTEGER,
    guildId: snowflake,
    channelId: snowflake,
    userId: snowflake,
    interactionId: snowflake,
    locale: discordLocale,
    guildLocale: discordLocale,
    attachmentSizeLimit: null,
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
    keyFingerprint: null,
    expectedAt: far,
    queuePosition: huge,
    waitReason: state === 'queued' ? 'account_empty' : null,
    finishedAt: far,
    nextPollAt: null,
    pollCount: huge,
    revision: huge,
    deliveredRevision: 0,
    deliveryAttempts: 0,
    fileFallback: null,
    fileAttempts: 0,
    removedAt: null,
    cancelledBy: null,
    erasedAt: null,
    erasedBecause: null,
    extendsGenerationId: null,
    shots,
  };
}

const states: GenerationState[] = ['queued', 'submitting', 'running', 'completed', 'partial', 'failed'];

const operatorLimit = { amount: MAX_CREDITS, period: 'month' as const, used: huge, remaining: MAX_CREDITS, resetsAt: far };

describe.each(locales)('every message rendered in %s stays inside Discord’s limits, whatever members and the vendor send', (locale: Locale) => {
  const say = translator(locale);
  const discordLocale = discordCodes[locale][0];

  it.each(states)('a %s generation, in the reply, a new message and a DM, with every failure code', (state) => {
    for (const code of [null, ...failureCodes]) {
      const generation = worstGeneration(state, code, discordLocale);
      for (const options of [{}, { ping: true }, { directMessage: true }]) expectWithinLimits(renderGeneration(generation, options));
    }
  });

  it('the status list of ten such generations', () => {
    const recent = states
      .flatMap((state) => [worstGeneration(state, 'GENERATION_FAILED', discordLocale), worstGeneration(state, null, discordLocale)])
      .slice(0, 10)
      .map((generation) => ({ ...generation, removedAt: far }));
    expectWithinLimits({ embeds: [renderStatusList(recent, say)] });
    // With as many waiting requests first, each with its place.
    const waiting = Array.from({ length: 30 }, (_, i) => ({ ...worstGeneration('queued', null, discordLocale), id: Number.MAX_SAFE_INTEGER - i, queuePosition: huge }));
    expectWithinLimits({ embeds: [renderStatusList(recent, say, waiting)] });
  });

  const vendorLink = (length: number, i: number) => `https://video.nanophoto.ai/veo/${String(i).padStart(length - 40, ')')}.mp4?sig=x`;
  const withVendorLinks = (length: number, count: number, state: GenerationState = 'completed'): Generation => {
    const generation = worstGeneration(state, null, discordLocale);
    return { ...generation, shots: generation.shots.slice(0, count).map((shot, i) => ({ ...shot, state: 'completed', videoUrl: vendorLink(length, i) })) };
  };
  const urlsOf = (body: { components: APIActionRowComponent<APIButtonComponent>[] }) => body.components.flatMap((row) => row.components.flatMap((button) => ('url' in button ? [button.url] : [])));
  const allLinks = (body: MessageBody) => [body.content, body.embeds[0]?.description ?? '', ...urlsOf(body)].join('\n');

  // A link longer than any message can hold cannot be there: 'never says ready without the video or a link to it' says what is shown instead.
  // A link is shown with every `)` percent-encoded: 660 characters of them are about 1900 on screen.
  it('a video sent as a link that fits in a message, alone in its reply, is always there to watch', () => {
    expect(linkForDisplay(vendorLink(660, 0)).length).toBeGreaterThan(1850);
    for (const files of [[], [{ name: 'veo-1.mp4' }], [{ name: 'shot-0.mp4' }]]) {
      for (const options of [{}, { ping: true }, { directMessage: true }]) {
        expect(allLinks(renderGeneration(withVendorLinks(660, 1), options, files))).toContain(linkForDisplay(vendorLink(660, 0)));
      }
    }
  });

  describe.each([660, 1900, 5000])('with vendor links of %i characters', (length) => {
    const link = (i: number) => vendorLink(length, i);
    const withLinks = (count: number, state?: GenerationState): Generation => withVendorLinks(length, count, state);

    it('the reply, as links or with the files attached, in the channel, a new message and a DM', () => {
      for (const count of [1, 3, 21]) {
        for (const files of [[], [{ name: 'veo-1.mp4' }], Array.from({ length: Math.min(count, 10) }, (_, i) => ({ name: `shot-${i}.mp4` }))]) {
          for (const options of [{}, { ping: true }, { directMessage: true }]) {
            const body = renderGeneration(withLinks(count), options, files);
            expectWithinLimits(body);
            for (const url of urlsOf(body)) expect(url.length).toBeLessThanOrEqual(512);
            expect(body.components.length).toBeLessThanOrEqual(5);
          }
        }
      }
    });

    it('never says ready without the video or a link to it', () => {
      const body = renderGeneration(withLinks(1));
      const shown = linkForDisplay(link(0));
      if (shown.length < 4000) expect(body.content.includes(shown) || body.embeds[0]!.description!.includes(shown)).toBe(true);
      else expect(body.content).toContain(say('generation.linksLeftOut', { count: 1 }));
    });

    it('the status list of ten generations with three such links each', () => {
      const recent = Array.from({ length: 10 }, () => ({ ...withLinks(3), removedAt: far }));
      const embed = renderStatusList(recent, say);
      expectWithinLimits({ embeds: [embed] });
      // Every entry leads to its video: a masked link that a `)` cannot cut, or its details command.
      for (const [i, entry] of embed.description!.split('\n\n').entries()) {
        const id = recent[i]!.id;
        expect(entry.includes(say('status.videoDetails', { id })) || /\]\(https:\/\/[^()\s]+\) \+2/.test(entry)).toBe(true);
      }
    });
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

  it('the Remix form of the longest single shot and of 21 long shots, and the details of 21 long shots', () => {
    const single = { ...worstGeneration('completed', null, discordLocale), shots: [worstGeneration('completed', null, discordLocale).shots[0]!] };
    // What a member can have typed: 4000 characters in all, whether one shot or 21.
    const story = worstGeneration('partial', null, discordLocale);
    const shortShots = { ...story, shots: story.shots.map((shot) => ({ ...shot, prompt: shot.prompt.slice(0, 185) })) };
    for (const generation of [single, { ...single, mode: 'frames' as const }, shortShots]) {
      expect(() => acceptModal(renderRemixModal(generation, say, { keepsImages: true }).toJSON() as unknown as Record<string, unknown>)).not.toThrow();
    }
    const details = renderDetails({ ...worstGeneration('partial', null, discordLocale), imageUrls: Array(3).fill(`https://cdn.discordapp.com/${'i'.repeat(1900)}.png`) }, say, { imageLinks: true });
    expect(details.length).toBeGreaterThan(1);
    for (const page of details) expectWithinLimits({ embeds: [page] });
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
    const cooldowns = Array.from({ length: 1000 }, () => ({ userId: snowflake, until: far, failures: huge }));
    expectWithinLimits({ embeds: [renderQuotaSettings(config, say, { activeLimit: 100, limitSetHere: false, waiting: huge, cooldowns })] });
    const ownKey = { fingerprint: 'f'.repeat(12), requestsLeft: huge, accountEmpty: true, refused: true };
    expectWithinLimits({ embeds: [withServerKeyField(renderQuotaSettings(config, say), ownKey, true, say)] });
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
      ownKey: true,
    }));
    expectWithinLimits({ embeds: [renderServers({ servers, count: huge, page: huge, pages: huge, paused: true, accountEmpty: true, unknownPaused: true }, say)] });
    const keys = Array.from({ length: 500 }, (_, i) => ({
      fingerprint: i.toString(16).padStart(12, 'f'),
      requestsLeft: huge,
      running: huge,
      accountEmpty: true,
      unknownPaused: true,
      rateLimitedUntil: far,
    }));
    expectWithinLimits({ embeds: [renderKeys(keys, say)] });
    const usage: OperatorUsage = {
      period: 'month',
      periodKey: 'month:2026-12',
      resetsAt: far,
      globalBudget: MAX_CREDITS,
      total: huge,
      refunded: huge,
      generations: huge,
      releases: huge,
      unknowns: huge,
      unknownCredits: huge,
      servers: Array.from({ length: 2500 }, () => ({ guildId: snowflake, charged: huge, refunded: huge, generations: huge, releases: huge, unknowns: huge, unknownCredits: huge })),
    };
    expectWithinLimits({ embeds: [renderOperatorUsage(usage, () => longName, say)] });
  });

  it('autocomplete choices of servers with the longest names', () => {
    const choices = serverChoices(Array.from({ length: 100 }, (_, i) => ({ id: `${snowflake.slice(0, 17)}${i}`, name: 'n'.repeat(100) })), '');
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(limits.choiceName);
  });

});

describe('the slash commands', () => {
  const otherCodes = locales.filter((locale) => locale !== fallbackLocale).flatMap((locale) => [...discordCodes[locale]]);
  const expectLocalized = (text: string, localizations: Record<string, string | null | undefined> | null | undefined, limit: number, what: string) => {
    expect(text.length, what).toBeGreaterThan(0);
    expect(text.length, what).toBeLessThanOrEqual(limit);
    expect(Object.keys(localizations ?? {}).sort(), what).toEqual([...otherCodes].sort());
    for (const [code, localized] of Object.entries(localizations ?? {})) {
      expect(localized?.length ?? 0, `${what} (${code})`).toBeGreaterThan(0);
      expect(localized?.length ?? 0, `${what} (${code})`).toBeLessThanOrEqual(limit);
    }
  };

  it('describe every command, option and choice in every language, inside Discord’s limits', () => {
    const walk = (options: readonly APIApplicationCommandOption[] | undefined, path: string): void => {
      for (const option of options ?? []) {
        const where = `${path} ${option.name}`;
        expectLocalized(option.description, option.description_localizations, limits.commandDescription, where);
        for (const choice of 'choices' in option ? (option.choices ?? []) : []) {
          // Values members type (16:9, 720p) name themselves in every language.
          if (!choice.name_localizations) expect([...aspectRatios, ...resolutions], where).toContain(choice.name);
          else expectLocalized(choice.name, choice.name_localizations, limits.choiceName, `${where}=${choice.value}`);
        }
        walk('options' in option ? option.options : undefined, where);
      }
    };
    for (const command of commands) {
      expectLocalized(command.data.description, command.data.description_localizations, limits.commandDescription, command.data.name);
      walk(command.data.options, command.data.name);
    }
  });

  it('keep their names English, and show the German picker German words', () => {
    const veo = commands.find((command) => command.data.name === 'veo')!;
    expect(veo.data.name_localizations ?? {}).toEqual({});
    expect(veo.data.description_localizations?.de).toBe('Kurze KI-Videos mit Google Veo 3.1 erstellen');
    expect(veo.data.description_localizations?.['es-ES']).toBe(veo.data.description_localizations?.['es-419']);
    const prompt = veo.data.options?.find((option) => option.name === 'prompt');
    const resolution = prompt && 'options' in prompt ? prompt.options?.find((option) => option.name === 'resolution') : undefined;
    expect(resolution?.description_localizations?.fr).toBe('720p : 10 crédits par plan; 1080p : 14; 4k : 30 (720p par défaut)');
  });
});

describe('the language a generation speaks', () => {
  const generation = { ...worstGeneration('completed', null, 'fr'), locale: 'de' };
  const titleIn = (options: Parameters<typeof renderGeneration>[1]) => renderGeneration(generation, options).embeds[0]!.title;

  it('is the server’s in the reply and in a message that replaces it, the member’s in a DM and a private answer', () => {
    expect(titleIn({})).toBe('✅ Votre vidéo est prête');
    expect(titleIn({ ping: true })).toBe('✅ Votre vidéo est prête');
    expect(titleIn({ directMessage: true })).toBe('✅ Ihr Video ist fertig');
    expect(titleIn({ locale: 'ja' })).toBe('✅ 動画ができました');
    expect(titleIn({ locale: 'ko' })).toBe('✅ Your video is ready');
  });
});
