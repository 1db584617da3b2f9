import { Routes, type APIEmbed, type APIMessage, type REST, type RESTPostAPIChannelMessageResult } from 'discord.js';
import type { VideoFile } from '../domain/videoFiles.js';
import { messageRequest } from './multipart.js';
import type { MessageBody } from './render/generationMessage.js';

/** What a member sees of an embed; Discord adds its own fields (type, colours as given, …) around these. */
const visible = (embed: APIEmbed | undefined) => ({
  title: embed?.title,
  description: embed?.description,
  fields: embed?.fields?.map(({ name, value }) => ({ name, value })) ?? [],
  footer: embed?.footer?.text,
});

function showsSame(message: APIMessage, body: MessageBody, files: readonly VideoFile[]): boolean {
  if (message.content !== body.content || message.embeds.length !== body.embeds.length) return false;
  if (message.attachments.length !== files.length) return false;
  return body.embeds.every((embed, i) => JSON.stringify(visible(embed)) === JSON.stringify(visible(message.embeds[i])));
}

/**
 * Posts (as a reply to `replyTo`, when given) with an enforced nonce: for a few minutes Discord
 * answers a second post with the same nonce with the message the first one made, so a retry after
 * a crash cut off the answer pings nobody twice. That message may show an older revision, so it
 * is brought up to date.
 */
export async function postOnce(
  rest: REST,
  channelId: string,
  { body, files = [], replyTo }: { body: MessageBody; files?: readonly VideoFile[]; replyTo?: string },
  nonce: string,
): Promise<string> {
  const reference = replyTo ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {};
  const message = (await rest.post(Routes.channelMessages(channelId), messageRequest({ ...body, ...reference, nonce, enforce_nonce: true }, files))) as RESTPostAPIChannelMessageResult;
  // Files replace the message's attachments, so the update sends them again: still one video.
  if (!showsSame(message, body, files)) await rest.patch(Routes.channelMessage(channelId, message.id), messageRequest(body, files));
  return message.id;
}
