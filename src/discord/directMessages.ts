import { Routes, type REST } from 'discord.js';

/** Opens (or finds) the DM channel with a user: the channel id to post in. */
export async function openDirectMessage(rest: REST, userId: string): Promise<string> {
  const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
  return channel.id;
}
