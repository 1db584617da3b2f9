import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { discordTime, thisPeriod } from '../../domain/quota/periods.js';
import type { CreditsSummary } from '../../domain/quota/quotaService.js';
import { SHOT_SECONDS, shotPrice } from '../../domain/pricing.js';
import type { VideoRequest } from '../../domain/videoRequest.js';
import { resolutions } from '../../veo/types.js';
import { colors, quotePrompt } from './format.js';

export const credits = (n: number) => `${n.toLocaleString('en-US')} credit${n === 1 ? '' : 's'}`;
const periodAdjective = { day: 'daily', week: 'weekly', month: 'monthly' } as const;
const limitText = (remaining: number | null) => (remaining === null ? 'no limit' : credits(remaining));

/** The vendor's prices as members read them, e.g. "720p: 10 credits a shot · 1080p: 14 · 4k: 30". */
export const priceListText = (separator: string) =>
  resolutions.map((resolution, i) => `${resolution}: ${shotPrice(resolution)}${i === 0 ? ' credits a shot' : ''}`).join(separator);

/** The private question a costly request asks before anything is reserved. */
export function renderConfirmation(request: VideoRequest, remainingAfter: number | null, confirmationId: string, expiresAt: Date) {
  const embed: APIEmbed = {
    title: `Make this ${credits(request.credits)} video?`,
    description: quotePrompt(request.prompt),
    color: colors.idle,
    fields: [
      { name: 'Cost', value: credits(request.credits), inline: true },
      { name: 'Left for you after it', value: limitText(remainingAfter), inline: true },
      { name: 'Video', value: `${request.shotPrompts.length} × ${SHOT_SECONDS} s · ${request.resolution} · ${request.aspectRatio}`, inline: true },
    ],
    footer: { text: 'Nothing is reserved until you confirm.' },
  };
  const buttons: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Success, label: `Make it (${credits(request.credits)})`, custom_id: `veo-confirm:${confirmationId}` },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Cancel', custom_id: `veo-cancel:${confirmationId}` },
    ],
  };
  return { content: `This question expires ${discordTime(expiresAt)}.`, embeds: [embed], components: [buttons] };
}

/** What a member reads after a submission: the cost and what they can still spend. */
export function reservedNote(cost: number, summary: CreditsSummary): string {
  const left = summary.available === null ? 'There is no limit on what you can spend here.' : `You can spend ${credits(summary.available)} more ${thisPeriod(summary.period)}; it resets ${discordTime(summary.resetsAt)}.`;
  return `This video costs ${credits(cost)}. ${left}`;
}

/** `/veo credits`: the server's budget and the member's own standing. */
export function renderCreditsSummary(summary: CreditsSummary): APIEmbed {
  const { server, member, period } = summary;
  const state = !summary.enabled
    ? 'Video generation is off in this server until an admin sets a budget.'
    : summary.paused
      ? 'Video generation is **paused** by the admins.'
      : `You can spend **${limitText(summary.available)}** ${thisPeriod(period)}.`;
  const capSource = { override: 'set for you', role: `from <@&${member.roleId ?? ''}>`, default: 'server default', none: 'no cap' }[member.source];
  return {
    title: 'Credits',
    description: `${state}\nThe ${periodAdjective[period]} budget resets ${discordTime(summary.resetsAt)} (${discordTime(summary.resetsAt, 'f')}).`,
    color: summary.enabled && !summary.paused ? colors.working : colors.idle,
    fields: [
      { name: 'Server budget', value: server.budget === null ? 'unlimited' : credits(server.budget), inline: true },
      { name: 'Server used', value: credits(server.used), inline: true },
      { name: 'Server left', value: limitText(server.remaining), inline: true },
      { name: 'Your cap', value: member.cap === null ? 'no cap' : `${credits(member.cap)} (${capSource})`, inline: true },
      { name: 'You used', value: credits(member.used), inline: true },
      { name: 'You have left', value: limitText(member.remaining), inline: true },
    ],
    footer: { text: `${priceListText(' · ')} · requests from ${credits(summary.confirmThreshold)} ask to confirm` },
  };
}
