import type { APIEmbed, APIEmbedField, RESTPatchAPIChannelMessageJSONBody } from 'discord.js';
import { isFailureCode, isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import { translator, type Translate } from '../words/catalogue.js';
import { localeOf } from '../words/locale.js';
import { colors, fitLines, quotePrompt } from './format.js';

export type MessageBody = RESTPatchAPIChannelMessageJSONBody & { content: string; embeds: APIEmbed[] };

const stateColors: Record<Generation['state'], number> = {
  queued: colors.idle,
  submitting: colors.working,
  running: colors.working,
  completed: colors.done,
  partial: colors.partial,
  failed: colors.failed,
};

const CONTENT_LIMIT = 2000;

export interface RenderOptions {
  /** A new message that stands for a reply that is gone: it names (and pings) the member. */
  ping?: boolean;
  /** A DM, in the member's own language, saying why it is not in the channel. */
  directMessage?: boolean;
  /** A private answer to this Discord locale; otherwise the server's (the member's for a DM). */
  locale?: string;
}

/**
 * The reply for a generation, in Discord's wire format and the server's language (a DM in the
 * member's). Finished videos go in the content so Discord shows its player; nobody is ever
 * pinged unless `ping` names the member.
 */
export function renderGeneration(generation: Generation, options: RenderOptions = {}): MessageBody {
  const say = translator(localeOf(options.locale ?? (options.directMessage ? generation.locale : generation.guildLocale)));
  const links = isFinished(generation) ? videoLinks(generation) : [];
  const lead = options.ping
    ? [say('generation.pingLead', { userId: generation.userId, state: generation.state })]
    : options.directMessage
      ? [say('generation.dmLead', { channelId: generation.channelId })]
      : [];
  const lines = [...lead, ...links];
  const content = lines.length > 0 ? fitLines(lines, CONTENT_LIMIT, (count) => say('list.more', { count })) : '';
  return {
    content,
    embeds: [generationEmbed(generation, say)],
    allowed_mentions: options.ping ? { parse: [], users: [generation.userId] } : { parse: [] },
  };
}

export function generationEmbed(generation: Generation, say: Translate): APIEmbed {
  const field = (name: string, value: string): APIEmbedField => ({ name, value, inline: true });
  const fields: APIEmbedField[] = [
    field(say('generation.field.mode'), say('generation.mode', { mode: generation.mode })),
    field(say('generation.field.aspect'), generation.aspectRatio),
    field(say('generation.field.resolution'), generation.resolution),
    field(say('generation.field.cost'), costText(generation, say)),
  ];
  if (generation.shots.length > 1) {
    const done = generation.shots.filter((shot) => shot.state === 'completed').length;
    fields.push(field(say('generation.field.shots'), say('generation.shotsDone', { done, total: generation.shots.length })));
  }
  if (generation.submittedAt) fields.push(field(say('generation.field.started'), say('time.relative', { at: generation.submittedAt })));
  if (generation.state === 'queued' && generation.queuePosition !== null) {
    fields.push(field(say('generation.field.queuePosition'), say('number', { value: generation.queuePosition })));
  }
  // While the account is empty nobody can say when the queue moves again.
  if (!isFinished(generation) && generation.expectedAt && generation.waitReason === null) {
    const name = generation.state === 'queued' ? say('generation.field.expectedStart') : say('generation.field.expected');
    fields.push(field(name, say('time.relative', { at: generation.expectedAt })));
  }
  const took = generationSeconds(generation);
  if (isFinished(generation) && took !== undefined) {
    fields.push(field(say('generation.field.generationTime'), say('generation.duration', { seconds: took })));
  }
  const note = failureNote(generation, say);
  const reason = note ? `\n\n${say('generation.reason', { failed: generation.state === 'failed', text: note })}` : '';
  return {
    title: say('generation.title', { state: generation.state }),
    description: `${quotePrompt(generation.prompt)}${reason}`,
    color: stateColors[generation.state],
    fields,
    footer: { text: say('generation.footer', { id: generation.id }) },
  };
}

/** Why a video failed, or what a partly made one lacks. */
function failureNote(generation: Generation, say: Translate): string | undefined {
  const code = generation.errorCode;
  if (generation.state === 'queued' && generation.waitReason === 'account_empty') return say('generation.accountEmpty');
  if (generation.state === 'partial' && (code === null || code === 'GENERATION_FAILED')) {
    const failed = generation.shots.filter((shot) => shot.state === 'failed').length;
    return say('generation.partialShots', { failed, total: generation.shots.length });
  }
  if (code === null) return undefined;
  return say('generation.failure', { code: isFailureCode(code) ? code : 'UNKNOWN' });
}

/** What the member paid: the API's charge less the ledger's refunds. */
export function costText(generation: Generation, say: Translate): string {
  return say('generation.cost', {
    priced: generation.credits,
    charged: generation.creditsUsed,
    refunded: generation.creditsRefunded,
    finished: isFinished(generation),
  });
}

function generationSeconds(generation: Generation): number | undefined {
  const reported = generation.shots.reduce((sum, shot) => sum + (shot.generationSeconds ?? 0), 0);
  if (reported > 0) return reported;
  if (generation.submittedAt && generation.finishedAt) {
    return (generation.finishedAt.getTime() - generation.submittedAt.getTime()) / 1000;
  }
  return undefined;
}
