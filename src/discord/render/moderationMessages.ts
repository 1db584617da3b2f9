import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Generation } from '../../domain/generation.js';
import { logOutcomeOf } from '../../domain/moderation/logOutcome.js';
import { SHOT_SECONDS } from '../../domain/pricing.js';
import { customId, customIdPrefixes } from '../customIds.js';
import { translator, type Translate } from '../words/catalogue.js';
import { localeOf } from '../words/locale.js';
import { discordLimits } from './discordLimits.js';
import { colors, fitLines, linkForDisplay, quotePrompt } from './format.js';
import { costText, type MessageBody } from './generationMessage.js';

// A moderator's reason, as members and moderators read it: short, and inert like a prompt.
const REASON_SHOWN = 300;
// The prompt's share of the embed: with a full images field and the decision, all stays within 6000.
const REQUEST_SHOWN = 3000;

const field = (name: string, value: string, inline = true): APIEmbedField => ({ name, value, inline });

/**
 * The prompt, or a story's shots numbered, as moderators read them. Escaping can double a text's
 * length, so each share is halved before it is quoted.
 */
function requestText(generation: Generation, say: Translate): string {
  const shots = generation.shots.map((shot) => shot.prompt);
  if (shots.length <= 1) return quotePrompt(generation.prompt, REQUEST_SHOWN / 2);
  const share = Math.min(300, Math.floor(REQUEST_SHOWN / shots.length / 2) - 10);
  const lines = shots.map((shot, index) => say('confirm.shot', { shot: index + 1, prompt: quotePrompt(shot, share) }));
  return fitLines(lines, REQUEST_SHOWN, (count) => say('list.more', { count }));
}

/**
 * The images as numbered masked links, as many as fit in one field with the count before them;
 * each link is made safe for display, so none can carry markdown.
 */
function imagesText(urls: readonly string[], say: Translate): string {
  let text = say('approval.images', { count: urls.length });
  for (const [index, url] of urls.entries()) {
    const link = ` · [${index + 1}](${linkForDisplay(url)})`;
    if (text.length + link.length > discordLimits.fieldValue) break;
    text += link;
  }
  return text;
}

function decisionText(generation: Generation, say: Translate): string {
  const approval = generation.approval;
  if (!approval) return '';
  const decided = say('approval.decided', { state: approval.state, deciderId: approval.deciderId, at: approval.decidedAt });
  return approval.reason ? `${decided}\n${say('approval.reason', { reason: quotePrompt(approval.reason, REASON_SHOWN) })}` : decided;
}

const approvalColors = { waiting: colors.idle, approved: colors.done, denied: colors.failed, expired: colors.partial, cancelled: colors.idle, unreachable: colors.failed } as const;

/**
 * The message in the approval channel: the member (named, never pinged), the prompt or shots, the
 * images, the cost and, while it waits, Approve and Deny. A removed result shows neither prompt nor images.
 */
export function renderApprovalMessage(generation: Generation): MessageBody {
  const say = translator(localeOf(generation.guildLocale));
  const approval = generation.approval ?? { state: 'waiting' as const, deciderId: null, reason: null, expiresAt: generation.createdAt, decidedAt: null };
  const removed = generation.removedAt !== null;
  const fields: APIEmbedField[] = [
    field(say('approval.field.cost'), say('credits.amount', { credits: generation.credits })),
    field(
      say('approval.field.video'),
      say('confirm.video', { shots: generation.shots.length, shotSeconds: SHOT_SECONDS, resolution: generation.resolution, aspect: generation.aspectRatio }),
    ),
  ];
  if (!removed) fields.push(field(say('approval.field.images'), imagesText(generation.imageUrls, say), false));
  if (approval.state === 'waiting') fields.push(field(say('approval.field.expires'), say('time.relative', { at: approval.expiresAt })));
  else fields.push(field(say('approval.field.decision'), decisionText(generation, say), false));
  const embed: APIEmbed = {
    title: say('approval.title', { state: approval.state }),
    description: removed ? say('approval.removed') : requestText(generation, say),
    color: approvalColors[approval.state],
    fields,
    footer: { text: say('approval.footer', { id: generation.id }) },
  };
  const waiting = approval.state === 'waiting' && !removed;
  const buttons: APIActionRowComponent<APIButtonComponent>[] = waiting
    ? [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Success, label: say('approval.approve'), custom_id: customId(customIdPrefixes.approve, generation.id) },
            { type: ComponentType.Button, style: ButtonStyle.Danger, label: say('approval.deny'), custom_id: customId(customIdPrefixes.deny, generation.id) },
          ],
        },
      ]
    : [];
  return {
    content: say('approval.lead', { userId: generation.userId, channelId: generation.channelId }),
    embeds: [embed],
    components: buttons,
    allowed_mentions: { parse: [] },
  };
}

/** Where a generation's reply is, for a link from the log. */
const replyUrl = (generation: Generation) =>
  generation.replyMessageId ? `https://discord.com/channels/${generation.guildId}/${generation.channelId}/${generation.replyMessageId}` : null;

/** A final request's post in the moderators' log; a removed result's shows neither prompt nor images. */
export function renderLogPost(generation: Generation): MessageBody {
  const say = translator(localeOf(generation.guildLocale));
  const outcome = logOutcomeOf(generation);
  const removed = generation.removedAt !== null;
  const url = replyUrl(generation);
  const fields: APIEmbedField[] = [
    field(say('log.field.cost'), costText(generation, say)),
    field(say('log.field.reply'), url ? say('log.reply', { url }) : say('log.noReply')),
  ];
  if (!removed) fields.push(field(say('approval.field.images'), imagesText(generation.imageUrls, say), false));
  if (generation.approval) fields.push(field(say('approval.field.decision'), decisionText(generation, say), false));
  const colorOf = { completed: colors.done, partial: colors.partial, failed: colors.failed, denied: colors.failed, expired: colors.idle, cancelled: colors.idle } as const;
  return {
    content: say('log.lead', { userId: generation.userId, channelId: generation.channelId }),
    embeds: [
      {
        title: say('log.title', { outcome }),
        description: removed ? say('log.removed') : requestText(generation, say),
        color: colorOf[outcome],
        fields,
        footer: { text: say('log.footer', { id: generation.id }) },
      },
    ],
    components: [],
    allowed_mentions: { parse: [] },
  };
}
