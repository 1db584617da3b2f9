import { invalidFormBody, missingPermissions, notAuthor, oldMessageEditsExhausted, unknownMessage } from '../errors.js';
import { createMessage, editMessage, messagePayload, messageWithNonce } from '../messages.js';
import { channelPayload } from '../payloads.js';
import { route, type Route, type RouteContext } from '../rest.js';
import { channelFor, isRecord } from './access.js';
import type { StoredMessage } from '../store.js';

const MESSAGE = '/channels/:channelId/messages/:messageId';

function target({ store, params }: RouteContext) {
  const channel = channelFor(store, params['channelId'] ?? '', 'view');
  const message = store.messages.get(params['messageId'] ?? '');
  // Ephemeral replies live only behind the interaction webhook.
  if (!message || message.deleted || message.ephemeral || message.channelId !== channel.id) throw unknownMessage();
  return { channel, message };
}

function snowflakeQuery(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  if (value !== null && !/^\d{1,20}$/.test(value)) {
    throw invalidFormBody([{ path: [name], code: 'NUMBER_TYPE_COERCE', message: `Value "${value}" is not snowflake.` }]);
  }
  return value;
}

export const channelRoutes: Route[] = [
  route('GET', '/channels/:channelId', 'bot', ({ store, params }) => ({
    status: 200,
    body: channelPayload(store, channelFor(store, params['channelId'] ?? '', 'view')),
  })),
  route('GET', '/channels/:channelId/messages', 'bot', ({ store, params, query }) => {
    const channel = channelFor(store, params['channelId'] ?? '', 'view');
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 50) || 50, 1), 100);
    const before = snowflakeQuery(query, 'before');
    const after = snowflakeQuery(query, 'after');
    // Oldest first here; ephemeral replies are never part of a channel's history.
    const visible = channel.messageIds
      .map((id) => store.messages.get(id))
      .filter((m): m is StoredMessage => m !== undefined && !m.deleted && !m.ephemeral)
      .filter((m) => (before === null || BigInt(m.id) < BigInt(before)) && (after === null || BigInt(m.id) > BigInt(after)));
    // Like Discord: `after` pages forward from that id, otherwise the newest come; newest first either way.
    const page = after !== null && before === null ? visible.slice(0, limit) : visible.slice(-limit);
    return { status: 200, body: page.reverse().map((m) => messagePayload(store, m)) };
  }),
  route('POST', '/channels/:channelId/messages', 'bot', ({ store, params, body, files }) => {
    const channel = channelFor(store, params['channelId'] ?? '', 'send');
    const json = isRecord(body) ? body : {};
    const message = messageWithNonce(store, store.botUserId, json) ?? createMessage(store, channel, json, files, { interactionId: null, ephemeral: false });
    return { status: 200, body: messagePayload(store, message) };
  }),
  route('POST', '/channels/:channelId/typing', 'bot', ({ store, params }) => {
    channelFor(store, params['channelId'] ?? '', 'send');
    return { status: 204 };
  }),
  route('GET', MESSAGE, 'bot', (ctx) => ({ status: 200, body: messagePayload(ctx.store, target(ctx).message) })),
  route('PATCH', MESSAGE, 'bot', (ctx) => {
    const { message } = target(ctx);
    if (message.authorId !== ctx.store.botUserId) throw notAuthor();
    if (ctx.store.oldEditsExhausted.has(message.id)) throw oldMessageEditsExhausted();
    editMessage(ctx.store, message, isRecord(ctx.body) ? ctx.body : {}, ctx.files);
    return { status: 200, body: messagePayload(ctx.store, message) };
  }),
  route('DELETE', MESSAGE, 'bot', (ctx) => {
    const { message } = target(ctx);
    // Deleting someone else's message needs Manage Messages, which the fake's bot never has.
    if (message.authorId !== ctx.store.botUserId) throw missingPermissions();
    message.deleted = true;
    return { status: 204 };
  }),
];
