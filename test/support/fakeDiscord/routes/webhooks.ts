import { MessageFlags } from 'discord-api-types/v10';
import { oldMessageEditsExhausted, unknownChannel, unknownWebhook } from '../errors.js';
import { createMessage, editMessage, messagePayload } from '../messages.js';
import { route, type Route, type RouteContext } from '../rest.js';
import { interactionForWebhook, isRecord, webhookMessage } from './access.js';

const MESSAGE = '/webhooks/:appId/:token/messages/:messageId';

function target({ store, params }: RouteContext) {
  const interaction = interactionForWebhook(store, params['appId'] ?? '', params['token'] ?? '');
  return { interaction, message: webhookMessage(store, interaction, params['messageId'] ?? '') };
}

/** The interaction webhook: `@original` and follow-ups, authorised by the token in the path. */
export const webhookRoutes: Route[] = [
  route('POST', '/webhooks/:appId/:token', 'none', ({ store, params, query, body, files }) => {
    const interaction = interactionForWebhook(store, params['appId'] ?? '', params['token'] ?? '');
    // Follow-ups exist only once the interaction has been acknowledged.
    if (interaction.callbacks.length === 0) throw unknownWebhook();
    const channel = store.channels.get(interaction.channelId);
    if (!channel || channel.deleted) throw unknownChannel();
    const data = isRecord(body) ? body : {};
    const ephemeral = (Number(data['flags'] ?? 0) & MessageFlags.Ephemeral) !== 0;
    const message = createMessage(store, channel, data, files, { interactionId: interaction.id, ephemeral });
    interaction.followupIds.push(message.id);
    return query.get('wait') === 'true' ? { status: 200, body: messagePayload(store, message) } : { status: 204 };
  }),
  route('GET', MESSAGE, 'none', (ctx) => ({ status: 200, body: messagePayload(ctx.store, target(ctx).message) })),
  route('PATCH', MESSAGE, 'none', (ctx) => {
    const { message } = target(ctx);
    if (ctx.store.oldEditsExhausted.has(message.id)) throw oldMessageEditsExhausted();
    editMessage(ctx.store, message, isRecord(ctx.body) ? ctx.body : {}, ctx.files);
    return { status: 200, body: messagePayload(ctx.store, message) };
  }),
  route('DELETE', MESSAGE, 'none', (ctx) => {
    target(ctx).message.deleted = true;
    return { status: 204 };
  }),
];
