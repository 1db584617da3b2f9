import { DiscordAPIError, RESTJSONErrorCodes, Routes, type REST, type RESTPostAPIChannelMessageResult } from 'discord.js';
import type { Clock } from '../clock.js';
import type { Generation } from '../domain/generation.js';
import type { Notifier } from '../domain/deliveryOutbox.js';
import type { Logger } from '../log.js';
import { renderGeneration, type MessageBody } from './render/generationMessage.js';

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

  async function post(channelId: string, body: MessageBody): Promise<string> {
    const message = (await rest.post(Routes.channelMessages(channelId), { body })) as RESTPostAPIChannelMessageResult;
    return message.id;
  }

  async function viaNewMessage(generation: Generation): Promise<string | undefined> {
    try {
      return await post(generation.channelId, renderGeneration(generation, { ping: true }));
    } catch (error) {
      if (isIn(channelClosed, error)) return undefined;
      throw error;
    }
  }

  async function viaDirectMessage(generation: Generation): Promise<void> {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: generation.userId } })) as { id: string };
    const body = renderGeneration(generation);
    await post(channel.id, { ...body, content: body.content || 'I could not post in the channel where you asked for this video.' });
  }

  return {
    rememberInteraction(generationId, token) {
      tokens.set(generationId, { token, expiresAt: clock.now().getTime() + tokenTtlMs });
    },

    async deliver(generation) {
      const token = liveToken(generation.id);
      const viaToken = token ? await viaWebhook(generation, token) : undefined;
      if (viaToken) return { messageId: viaToken };
      const edited = generation.replyMessageId ? await viaChannelEdit(generation, generation.replyMessageId) : undefined;
      if (edited) return { messageId: edited };
      const posted = await viaNewMessage(generation);
      if (posted) return { messageId: posted };
      log.warn({ generationId: generation.id, channelId: generation.channelId }, 'channel unreachable; sending a DM');
      await viaDirectMessage(generation);
      return { messageId: null };
    },
  };
}
