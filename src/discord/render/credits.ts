import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { CreditsSummary } from '../../domain/quota/types.js';
import { SHOT_SECONDS, shotPrice } from '../../domain/pricing.js';
import type { VideoRequest } from '../../domain/videoRequest.js';
import { resolutions } from '../../veo/types.js';
import { customId, customIdPrefixes } from '../customIds.js';
import type { Translate } from '../words/catalogue.js';
import { colors, fitLines, quotePrompt } from './format.js';
import { discordLimits } from './discordLimits.js';

/** The vendor's prices as members read them. */
export const priceListText = (say: Translate, separator: string) =>
  say('credits.priceList', { prices: resolutions.map((resolution) => ({ resolution, perShot: shotPrice(resolution) })), separator });

/** The private question a costly request asks before anything is reserved. */
export function renderConfirmation(request: VideoRequest, remainingAfter: number | null, confirmationId: string, expiresAt: Date, say: Translate) {
  const embed: APIEmbed = {
    title: say('confirm.title', { cost: request.credits }),
    description: request.shotPrompts.length > 1 ? shotList(request.shotPrompts, say) : quotePrompt(request.prompt),
    color: colors.idle,
    fields: [
      { name: say('confirm.field.cost'), value: say('credits.amount', { credits: request.credits }), inline: true },
      { name: say('confirm.field.leftAfter'), value: say('confirm.leftAfter', { remaining: remainingAfter }), inline: true },
      {
        name: say('confirm.field.video'),
        value: say('confirm.video', { shots: request.shotPrompts.length, shotSeconds: SHOT_SECONDS, resolution: request.resolution, aspect: request.aspectRatio }),
        inline: true,
      },
    ],
    footer: { text: say('confirm.footer') },
  };
  const buttons: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Success, label: say('confirm.make', { cost: request.credits }), custom_id: customId(customIdPrefixes.confirm, confirmationId) },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: say('confirm.cancel'), custom_id: customId(customIdPrefixes.cancel, confirmationId) },
    ],
  };
  return { content: say('confirm.expires', { at: expiresAt }), embeds: [embed], components: [buttons] };
}

/**
 * Every shot of a story, numbered, each shortened to its share of the description: escaping can
 * double a prompt's length, so each share is halved before it is quoted.
 */
function shotList(shots: readonly string[], say: Translate): string {
  const share = Math.min(300, Math.floor(discordLimits.embedDescription / shots.length / 2) - 10);
  const lines = shots.map((shot, index) => say('confirm.shot', { shot: index + 1, prompt: quotePrompt(shot, share) }));
  return fitLines(lines, discordLimits.embedDescription, (count) => say('list.more', { count }));
}

/** What a member reads after a submission: the cost and what they can still spend. */
export const reservedNote = (cost: number, summary: CreditsSummary, say: Translate): string =>
  say('credits.reservedNote', { cost, available: summary.available, period: summary.period, resetsAt: summary.resetsAt });

/** `/veo credits`: the server's budget and the member's own standing. */
export function renderCreditsSummary(summary: CreditsSummary, say: Translate): APIEmbed {
  const { server, member, period } = summary;
  const field = (name: string, value: string) => ({ name, value, inline: true });
  return {
    title: say('credits.title'),
    description: `${say('credits.state', { enabled: summary.enabled, paused: summary.paused, operatorPaused: summary.operatorPaused, available: summary.available, period })}\n${say('credits.resets', { period, resetsAt: summary.resetsAt })}`,
    color: summary.enabled && !summary.paused ? colors.working : colors.idle,
    fields: [
      field(say('credits.field.serverBudget'), server.budget === null ? say('credits.unlimited') : say('credits.amount', { credits: server.budget })),
      field(say('credits.field.serverUsed'), say('credits.amount', { credits: server.used })),
      field(say('credits.field.serverLeft'), say('credits.limit', { remaining: server.remaining })),
      ...(summary.ceiling ? [field(say('credits.field.ceiling'), say('credits.operatorLimit', summary.ceiling))] : []),
      ...(summary.global ? [field(say('credits.field.global'), say('credits.operatorLimit', summary.global))] : []),
      field(say('credits.field.yourCap'), say('credits.cap', { cap: member.cap, source: member.source, roleId: member.roleId })),
      field(say('credits.field.youUsed'), say('credits.amount', { credits: member.used })),
      field(say('credits.field.youLeft'), say('credits.limit', { remaining: member.remaining })),
    ],
    footer: { text: say('credits.footer', { priceList: priceListText(say, ' · '), confirmFrom: summary.confirmThreshold }) },
  };
}
