import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField, RESTPatchAPIChannelMessageJSONBody } from 'discord.js';
import { isFailureCode, isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import { translator, type Translate } from '../words/catalogue.js';
import { localeOf } from '../words/locale.js';
import { colors, linkForDisplay, quotePrompt } from './format.js';
import { resultButtons } from './resultButtons.js';
import { shotProgressField } from './shotProgress.js';
import { placeLinks } from './videoPlacement.js';
import { discordLimits } from './discordLimits.js';

export type MessageBody = RESTPatchAPIChannelMessageJSONBody & {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
};

/** A file sent with the message, in the order of the generation's video links. */
export interface AttachedFile {
  name: string;
  /** Part of a smaller copy made to fit the upload limit; its first part stands for the video. */
  copy?: { part: number; parts: number };
}

const stateColors: Record<Generation['state'], number> = {
  awaiting_approval: colors.idle,
  queued: colors.idle,
  submitting: colors.working,
  running: colors.working,
  completed: colors.done,
  partial: colors.partial,
  failed: colors.failed,
};

// Room kept for the line that says how many links fit nowhere.
const LEFT_OUT_RESERVE = 100;

export interface RenderOptions {
  /** A new message that stands for a reply that is gone: it names (and pings) the member. */
  ping?: boolean;
  /** A DM, in the member's own language, saying why it is not in the channel. */
  directMessage?: boolean;
  /** A private answer to this Discord locale; otherwise the server's (the member's for a DM). */
  locale?: string;
  /** The bot has ffmpeg: a finished video offers Extend (and an extension Join). */
  videoTools?: boolean;
}

/**
 * The message for a generation, in Discord's wire format and the server's language (a DM in the
 * member's), built from the generation and the files sent with it. An attached video plays in
 * Discord and its vendor link becomes a "Source" button; a video without its file is a link in the
 * content, where Discord shows its player, with a note that the video service hosts it. Nobody is
 * ever pinged unless `ping` names the member.
 */
export function renderGeneration(generation: Generation, options: RenderOptions = {}, files: readonly AttachedFile[] = []): MessageBody {
  const say = translator(localeOf(options.locale ?? (options.directMessage ? generation.locale : generation.guildLocale)));
  const links = isFinished(generation) ? videoLinks(generation).map(linkForDisplay) : [];
  const videosAttached = files.filter((file) => !file.copy || file.copy.part === 1).length;
  const attached = links.slice(0, videosAttached);
  const shown = links.slice(videosAttached);
  const copyParts = Math.max(0, ...files.map((file) => file.copy?.parts ?? 0));
  const lead = options.ping
    ? [say('generation.pingLead', { userId: generation.userId, state: generation.state })]
    : options.directMessage
      ? [say('generation.dmLead', { channelId: generation.channelId })]
      : [];
  const note =
    shown.length === 0 ? [] : attached.length > 0 ? [say('generation.shotsAttached', { attached: attached.length, total: links.length })] : [say('generation.hostedNote')];
  const embed = generationEmbed(generation, say);
  const copied = copyParts > 0 ? [say('video.smallerCopy', { parts: copyParts })] : [];
  const head = [...lead, ...copied, ...note];
  const placed = placeLinks(
    { attached, shown },
    {
      content: discordLimits.content - head.join('\n').length - (head.length > 0 ? 1 : 0) - LEFT_OUT_RESERVE,
      description: Math.min(discordLimits.embedDescription, discordLimits.embedTotal - embedLength(embed)) - (embed.description?.length ?? 0) - 2,
    },
    say,
  );
  if (placed.descriptionLines.length > 0) embed.description = `${embed.description ?? ''}\n\n${placed.descriptionLines.join('\n')}`;
  const leftOut = placed.leftOut > 0 ? [say('generation.linksLeftOut', { count: placed.leftOut })] : [];
  return {
    content: [...head, ...placed.contentLines, ...leftOut].join('\n'),
    embeds: [embed],
    // A DM has no server to act in, so a result's own buttons could only refuse there.
    components: [...placed.buttons, ...(options.directMessage ? [] : resultButtons(generation, say, options.videoTools))],
    allowed_mentions: options.ping ? { parse: [], users: [generation.userId] } : { parse: [] },
    ...(files.length > 0 ? { attachments: files.map((file, id) => ({ id: String(id), filename: file.name })) } : {}),
  };
}

function embedLength(embed: APIEmbed): number {
  const texts = [embed.title, embed.description, embed.footer?.text, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
  return texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
}

export function generationEmbed(generation: Generation, say: Translate): APIEmbed {
  const field = (name: string, value: string): APIEmbedField => ({ name, value, inline: true });
  const fields: APIEmbedField[] = [
    field(say('generation.field.mode'), say('generation.mode', { mode: generation.mode })),
    field(say('generation.field.aspect'), generation.aspectRatio),
    field(say('generation.field.resolution'), generation.resolution),
    field(say('generation.field.cost'), costText(generation, say)),
  ];
  const progress = shotProgressField(generation, say);
  if (progress) fields.push(progress);
  else if (generation.shots.length > 1) {
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
  if (generation.removedAt) fields.push(field(say('result.removedField'), say('result.removedLabel', { at: generation.removedAt })));
  const took = generationSeconds(generation);
  if (isFinished(generation) && took !== undefined) {
    fields.push(field(say('generation.field.generationTime'), say('generation.duration', { seconds: took })));
  }
  const note = failureNote(generation, say);
  const reason = note ? `\n\n${say('generation.reason', { failed: generation.state === 'failed', text: note })}` : '';
  const moderator = moderatorNote(generation, say);
  return {
    title: say('generation.title', { state: generation.state }),
    description: `${generation.erasedBecause ? say('status.erased', { because: generation.erasedBecause }) : quotePrompt(generation.prompt)}${reason}${moderator ? `\n\n${moderator}` : ''}`,
    color: stateColors[generation.state],
    fields,
    footer: { text: say('generation.footer', { id: generation.id }) },
  };
}

/** What a moderator decided, as its member reads it: approved, or the reason they gave for declining. */
function moderatorNote(generation: Generation, say: Translate): string | undefined {
  const approval = generation.approval;
  if (approval?.state === 'approved') return say('approval.reply.approved');
  if (approval?.state === 'denied' && approval.reason) return say('approval.reply.reason', { reason: quotePrompt(approval.reason, 1000) });
  return undefined;
}

/** Why a video failed, or what a partly made one lacks. */
function failureNote(generation: Generation, say: Translate): string | undefined {
  const code = generation.errorCode;
  if (generation.state === 'awaiting_approval') return say('approval.reply.waiting');
  if (generation.state === 'queued' && generation.waitReason === 'account_empty') return say('generation.accountEmpty');
  if (generation.state === 'partial' && (code === null || code === 'GENERATION_FAILED')) {
    const failed = generation.shots.filter((shot) => shot.state === 'failed').length;
    return say('generation.partialShots', { failed, total: generation.shots.length });
  }
  if (code === null) return undefined;
  if (code === 'CANCELLED' && generation.cancelledBy) return say('members.cancelledNote', { by: generation.cancelledBy });
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
