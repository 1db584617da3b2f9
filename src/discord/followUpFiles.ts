import { Routes, type RepliableInteraction, type RESTPostAPIWebhookWithTokenWaitResult } from 'discord.js';
import type { VideoFile } from '../domain/videoFiles.js';
import { messageRequest } from './multipart.js';
import { noPings } from './replies.js';

/**
 * A public follow-up of the interaction with files read from disk as they are sent (never whole
 * in memory); answers with the message Discord made, its attachments' links included.
 */
export async function followUpWithFiles(interaction: RepliableInteraction, content: string, files: readonly VideoFile[]): Promise<RESTPostAPIWebhookWithTokenWaitResult> {
  const body = { content, allowed_mentions: noPings, attachments: files.map((file, id) => ({ id: String(id), filename: file.name })) };
  return (await interaction.client.rest.post(Routes.webhook(interaction.applicationId, interaction.token), {
    ...messageRequest(body, files),
    query: new URLSearchParams({ wait: 'true' }),
    auth: false,
  })) as RESTPostAPIWebhookWithTokenWaitResult;
}
