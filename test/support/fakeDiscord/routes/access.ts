import { interactionByToken, type Store, type StoredChannel, type StoredInteraction, type StoredMessage } from '../store.js';
import {
  cannotDmUser,
  invalidWebhookToken,
  missingAccess,
  missingPermissions,
  unknownChannel,
  unknownMessage,
  unknownWebhook,
} from '../errors.js';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The bot's view of a channel: gone (10003), hidden (50001), or read-only (50013; 50007 for closed DMs). */
export function channelFor(store: Store, channelId: string, need: 'view' | 'send'): StoredChannel {
  const channel = store.channels.get(channelId);
  if (!channel || channel.deleted) throw unknownChannel();
  if (channel.access === 'no-access') throw missingAccess();
  if (need === 'send') {
    if (channel.access === 'no-send') throw missingPermissions();
    if (channel.recipientId !== null && store.closedDms.has(channel.recipientId)) throw cannotDmUser();
  }
  return channel;
}

export function tokenExpired(store: Store, interaction: StoredInteraction): boolean {
  return interaction.tokenExpired || store.now() - interaction.dispatchedAt >= store.interactionTokenTtlMs;
}

/** Webhook routes authenticate by the interaction token alone; an expired token is 401 50027. */
export function interactionForWebhook(store: Store, appId: string, token: string): StoredInteraction {
  if (appId !== store.applicationId) throw unknownWebhook();
  const interaction = interactionByToken(store, token);
  if (!interaction || tokenExpired(store, interaction)) throw invalidWebhookToken();
  return interaction;
}

/** `@original` or a follow-up id; anything else, or a deleted message, is 10008. */
export function webhookMessage(store: Store, interaction: StoredInteraction, messageId: string): StoredMessage {
  const id = messageId === '@original' ? interaction.originalId : messageId;
  const belongs = id !== null && (id === interaction.originalId || interaction.followupIds.includes(id));
  const message = belongs ? store.messages.get(id) : undefined;
  if (!message || message.deleted) throw unknownMessage();
  const channel = store.channels.get(message.channelId);
  if (!channel || channel.deleted) throw unknownChannel();
  return message;
}
