import type { APIEmbed, APIEmbedField, RESTPatchAPIChannelMessageJSONBody } from 'discord.js';
import { isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import { shotPrice } from '../../domain/pricing.js';
import { colors, duration, fitLines, quotePrompt, relative } from './format.js';

export type MessageBody = RESTPatchAPIChannelMessageJSONBody & { content: string; embeds: APIEmbed[] };

const titles: Record<Generation['state'], string> = {
  queued: '⏳ Queued: the video service is busy',
  submitting: '📨 Submitting your video…',
  running: '🎬 Generating your video…',
  completed: '✅ Your video is ready',
  partial: '⚠️ Your video is partly ready',
  failed: '❌ The video could not be made',
};

const stateColors: Record<Generation['state'], number> = {
  queued: colors.idle,
  submitting: colors.working,
  running: colors.working,
  completed: colors.done,
  partial: colors.partial,
  failed: colors.failed,
};

/**
 * The reply for a generation, in Discord's wire format. Finished videos go in the content so
 * Discord shows its player; nobody is ever pinged unless `ping` names the member.
 */
export function renderGeneration(generation: Generation, options: { ping?: boolean; directMessage?: boolean } = {}): MessageBody {
  const links = isFinished(generation) ? videoLinks(generation) : [];
  const lead = options.ping
    ? [`<@${generation.userId}> ${pingLead(generation)}`]
    : options.directMessage
      ? [`I could not post in <#${generation.channelId}>, so I am telling you here:`]
      : [];
  const content = links.length > 0 || lead.length > 0 ? fitLines([...lead, ...links]) : '';
  return {
    content,
    embeds: [generationEmbed(generation)],
    allowed_mentions: options.ping ? { parse: [], users: [generation.userId] } : { parse: [] },
  };
}

/** What the new message says first, when the reply is gone and the member must be told anew. */
function pingLead(generation: Generation): string {
  if (generation.state === 'completed') return 'here is the video you asked for:';
  if (generation.state === 'partial') return 'here is what could be made of the video you asked for:';
  if (generation.state === 'failed') return 'the video you asked for could not be made:';
  return 'an update on the video you asked for:';
}

export function generationEmbed(generation: Generation): APIEmbed {
  const fields: APIEmbedField[] = [
    { name: 'Mode', value: generation.mode, inline: true },
    { name: 'Aspect', value: generation.aspectRatio, inline: true },
    { name: 'Resolution', value: generation.resolution, inline: true },
    { name: 'Cost', value: costText(generation), inline: true },
  ];
  if (generation.shots.length > 1) {
    const done = generation.shots.filter((shot) => shot.state === 'completed').length;
    fields.push({ name: 'Shots', value: `${done} of ${generation.shots.length} done`, inline: true });
  }
  if (generation.submittedAt) fields.push({ name: 'Started', value: relative(generation.submittedAt), inline: true });
  if (generation.state === 'queued' && generation.queuePosition !== null) {
    fields.push({ name: 'Queue position', value: String(generation.queuePosition), inline: true });
  }
  if (!isFinished(generation) && generation.expectedAt) {
    fields.push({ name: generation.state === 'queued' ? 'Expected start' : 'Expected', value: relative(generation.expectedAt), inline: true });
  }
  const took = generationSeconds(generation);
  if (isFinished(generation) && took !== undefined) {
    fields.push({ name: 'Generation time', value: duration(took), inline: true });
  }
  const reason = generation.errorMessage ? `\n\n**${generation.state === 'failed' ? 'Why' : 'Note'}:** ${generation.errorMessage}` : '';
  return {
    title: titles[generation.state],
    description: `${quotePrompt(generation.prompt)}${reason}`,
    color: stateColors[generation.state],
    fields,
    footer: { text: `Generation #${generation.id} · /veo status id:${generation.id}` },
  };
}

/** Credits given back for failed shots of an accepted generation. */
export function refundedCredits(generation: Generation): number {
  const failed = generation.shots.filter((shot) => shot.state === 'failed').length;
  return failed * shotPrice(generation.resolution);
}

export function costText(generation: Generation): string {
  if (generation.creditsUsed === null && isFinished(generation)) return `${generation.credits} credits (not charged)`;
  const refunded = refundedCredits(generation);
  const charged = generation.creditsUsed ?? generation.credits;
  if (refunded === 0) return `${charged} credits`;
  if (refunded >= charged) return `${charged} credits (refunded)`;
  return `${charged - refunded} credits (${refunded} refunded)`;
}

function generationSeconds(generation: Generation): number | undefined {
  const reported = generation.shots.reduce((sum, shot) => sum + (shot.generationSeconds ?? 0), 0);
  if (reported > 0) return reported;
  if (generation.submittedAt && generation.finishedAt) {
    return (generation.finishedAt.getTime() - generation.submittedAt.getTime()) / 1000;
  }
  return undefined;
}
