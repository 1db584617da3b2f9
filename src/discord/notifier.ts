import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  SnowflakeUtil,
  type REST,
  type RESTGetAPIChannelMessagesResult,
  type RESTPostAPIChannelMessageResult,
} from 'discord.js';
import type { Clock } from '../clock.js';
import type { Generation } from '../domain/generation.js';
import type { Notifier } from '../domain/deliveryOutbox.js';
import type { Logger } from '../log.js';
import { postOnce } from './postOnce.js';
import { renderGeneration } from './render/generationMessage.js';

export interface DiscordNotifierDeps {
  rest: REST;
  applicationId: () => string;
  clock: Clock;
  tokenTtlMs: number;
  log: Logger;
}

export type DiscordNotifier = Notifier & {
  /** Interaction tokens live 15 minutes and are kept in memory only; after that the channel route is used. */
  rememberInteraction(generationId: number, token: string): void;
};

const tokenGone = new Set<number>([RESTJSONErrorCodes.InvalidWebhookToken, RESTJSONErrorCodes.UnknownWebhook]);
const messageGone = new Set<number>([RESTJSONErrorCodes.UnknownMessage]);
const channelClosed = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

// The reply is deferred within seconds of the generation's row being written.
const REPLY_LOOKBACK_MS = 60_000;

const codeOf = (error: unknown) => (error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined);
const isIn = (codes: Set<number>, error: unknown) => codes.has(codeOf(error) ?? -1);

/**
 * Shows a generation in Discord by the best route still open: the interaction webhook while its
 * token lives, then the bot's own edit of the reply, then a new message mentioning the member,
 * then a DM as the last resort.
 */
export function createDiscordNotifier({ rest, applicationId, clock, tokenTtlMs, log }: DiscordNotifierDeps): DiscordNotifier {
  const tokens = new Map<number, { token: string; expiresAt: number }>();

  const liveToken = (generationId: number) => {
    const entry = tokens.get(generationId);
    if (entry && entry.expiresAt > clock.now().getTime()) return entry.token;
    tokens.delete(generationId);
    return undefined;
  };

  async function viaWebhook(generation: Generation, token: string): Promise<string | undefined> {
    try {
      const message = (await rest.patch(Routes.webhookMessage(applicationId(), token, '@original'), {
        body: renderGeneration(generation),
        auth: false,
      })) as RESTPostAPIChannelMessageResult;
      return message.id;
    } catch (error) {
      if (!isIn(tokenGone, error) && !isIn(messageGone, error) && !isIn(channelClosed, error)) throw error;
      tokens.delete(generation.id);
      log.info({ generationId: generation.id, code: codeOf(error) }, 'interaction token no longer usable; using the channel');
      return undefined;
    }
  }

  async function viaChannelEdit(generation: Generation, messageId: string): Promise<string | undefined> {
    try {
      await rest.patch(Routes.channelMessage(generation.channelId, messageId), { body: renderGeneration(generation) });
      return messageId;
    } catch (error) {
      if (isIn(messageGone, error) || isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  /**
   * A bot killed between deferring and storing the reply's id left a reply on "thinking…": Discord
   * still knows it by the interaction it answered, so it is found in the channel and edited.
   */
  async function findDeferredReply(generation: Generation): Promise<string | undefined> {
    if (!generation.interactionId) return undefined;
    const after = SnowflakeUtil.generate({ timestamp: generation.createdAt.getTime() - REPLY_LOOKBACK_MS }).toString();
    try {
      const messages = (await rest.get(Routes.channelMessages(generation.channelId), {
        query: new URLSearchParams({ after, limit: '100' }),
      })) as RESTGetAPIChannelMessagesResult;
      // Newest first; the reply is the first message its interaction made.
      return messages.findLast((message) => message.interaction_metadata?.id === generation.interactionId)?.id;
    } catch (error) {
      if (isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  const toBase36 = (id: string | number) => BigInt(id).toString(36);
  // At most 25 characters. A new channel message stands for the reply it replaces, whatever the
  // revision: a retry shows the same message, updated. Each revision is a DM of its own.
  const replacementNonce = (generation: Generation) => `v${toBase36(generation.id)}c${toBase36(generation.replyMessageId ?? 0)}`;
  const directNonce = (generation: Generation) => `v${toBase36(generation.id)}d${toBase36(generation.revision)}`;

  async function viaNewMessage(generation: Generation): Promise<string | undefined> {
    try {
      return await postOnce(rest, generation.channelId, renderGeneration(generation, { ping: true }), replacementNonce(generation));
    } catch (error) {
      if (isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  async function viaDirectMessage(generation: Generation): Promise<void> {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: generation.userId } })) as { id: string };
    await postOnce(rest, channel.id, renderGeneration(generation, { directMessage: true }), directNonce(generation));
  }

  return {
    rememberInteraction(generationId, token) {
      tokens.set(generationId, { token, expiresAt: clock.now().getTime() + tokenTtlMs });
    },

    async deliver(generation) {
      const token = liveToken(generation.id);
      const viaToken = token ? await viaWebhook(generation, token) : undefined;
      if (viaToken) return { messageId: viaToken, path: 'webhook' };
      const replyId = generation.replyMessageId ?? (await findDeferredReply(generation));
      const edited = replyId ? await viaChannelEdit(generation, replyId) : undefined;
      if (edited) return { messageId: edited, path: 'channel_edit' };
      const posted = await viaNewMessage(generation);
      if (posted) return { messageId: posted, path: 'new_message' };
      log.warn({ generationId: generation.id, channelId: generation.channelId }, 'channel unreachable; sending a DM');
      await viaDirectMessage(generation);
      return { messageId: null, path: 'dm' };
    },
  };
}
