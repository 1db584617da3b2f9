import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents } from 'discord-api-types/v10';
import { createGateway } from './gateway.js';
import { buildAutocompleteInteraction, buildButtonInteraction, buildCommandInteraction, buildModalSubmitInteraction, interactionView } from './interactions.js';
import { createMessage, fakeMessageView } from './messages.js';
import { channelPayload, seedGuild } from './payloads.js';
import { createRestHandler, type RequestHandler } from './rest.js';
import { channelRoutes } from './routes/channels.js';
import { commandRoutes } from './routes/commands.js';
import { interactionRoutes } from './routes/interactions.js';
import { metaRoutes } from './routes/meta.js';
import { webhookRoutes } from './routes/webhooks.js';
import { createStore, dmChannelOf, rememberUser, type Store, type StoredChannel } from './store.js';
import type { FakeDiscord, FakeDiscordOptions, FakeMessage } from './types.js';
import { createWaiter } from './waitFor.js';

export type * from './types.js';
export { modalFields } from './modals.js';

const DEFAULT_APPLICATION_ID = '1100000000000000001';
const DEFAULT_GUILD_ID = '1100000000000000002';
const DEFAULT_CHANNEL_ID = '1100000000000000003';

function requireChannel(store: Store, channelId: string): StoredChannel {
  const channel = store.channels.get(channelId);
  if (!channel) throw new Error(`fake Discord: no channel ${channelId}`);
  return channel;
}

const messagesOf = (store: Store, channel: StoredChannel | undefined): FakeMessage[] =>
  (channel?.messageIds ?? []).flatMap((id) => {
    const message = store.messages.get(id);
    return message ? [fakeMessageView(message)] : [];
  });

/** Starts a loopback Discord (REST under /api/v10, gateway over ws) that the real discord.js client can use. */
export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  let handle: RequestHandler = async (_req, res) => void res.writeHead(503).end();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const store = createStore({
    botToken: options.botToken,
    applicationId,
    botUserId: options.botUserId ?? applicationId,
    interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    now: options.now ?? Date.now,
    cdnBase: options.cdnBase ?? `${base}/cdn`,
    gatewayUrl: base.replace('http:', 'ws:'),
    attachmentSizeLimit: options.attachmentSizeLimit ?? 10 * 1024 * 1024,
    enforcedUploadLimit: options.enforcedUploadLimit ?? options.attachmentSizeLimit ?? 10 * 1024 * 1024,
    owner: options.owner ?? { user: { id: '100000000000000000', username: 'owner' } },
  });
  const seeds = options.guilds ?? [{ id: DEFAULT_GUILD_ID, name: 'Test Server', channels: [{ id: DEFAULT_CHANNEL_ID, name: 'general' }] }];
  for (const seed of seeds) seedGuild(store, seed);
  const heldUploads: ServerResponse[] = [];
  handle = createRestHandler(store, heldUploads, [...metaRoutes, ...commandRoutes, ...interactionRoutes, ...webhookRoutes, ...channelRoutes]);
  const gateway = createGateway(store, server, options.heartbeatIntervalMs ?? 41_250);
  const { waitFor, cancelAll } = createWaiter(store);
  const firstGuild = store.guilds.values().next().value;

  function deliver(payload: unknown): void {
    if (gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload) === 0) {
      throw new Error('fake Discord: no gateway session to deliver the interaction to; is the bot logged in (waitForReady)?');
    }
    store.changed();
  }

  function changeChannel(channel: StoredChannel, event: GatewayDispatchEvents): void {
    if (channel.guildId) gateway.dispatch(event, { ...channelPayload(store, channel), guild_id: channel.guildId });
    store.changed();
  }

  return {
    restUrl: `${base}/api`,
    gatewayUrl: store.gatewayUrl,
    cdnBase: store.cdnBase,
    applicationId,
    botUserId: store.botUserId,
    defaultGuildId: firstGuild?.id ?? '',
    defaultChannelId: firstGuild?.channelIds[0] ?? '',
    waitForReady: async (timeoutMs = 5000) => void (await waitFor(() => gateway.isReady(), timeoutMs)),
    dispatchCommand(input) {
      const { stored, payload } = buildCommandInteraction(store, input);
      deliver(payload);
      return interactionView(store, stored);
    },
    dispatchButton(input) {
      const { stored, payload } = buildButtonInteraction(store, input);
      deliver(payload);
      return interactionView(store, stored);
    },
    dispatchAutocomplete(input) {
      const { stored, payload } = buildAutocompleteInteraction(store, input);
      deliver(payload);
      return interactionView(store, stored);
    },
    submitModal(input) {
      const { stored, payload } = buildModalSubmitInteraction(store, input);
      deliver(payload);
      return interactionView(store, stored);
    },
    interaction(id) {
      const stored = store.interactions.get(id);
      return stored ? interactionView(store, stored) : undefined;
    },
    postUserMessage({ channelId, user, content }) {
      rememberUser(store, user);
      const channel = requireChannel(store, channelId);
      const message = createMessage(store, channel, { content }, [], { authorId: user.id, interactionId: null, ephemeral: false });
      store.changed();
      return fakeMessageView(message);
    },
    exhaustOldMessageEdits(messageId) {
      store.oldEditsExhausted.add(messageId);
      store.changed();
    },
    expireAttachments() {
      for (const path of [...store.cdnFiles.keys()]) if (path.startsWith('/attachments/')) store.cdnFiles.delete(path);
      store.changed();
    },
    expireInteractionToken(interactionId) {
      const stored = store.interactions.get(interactionId);
      if (!stored) throw new Error(`fake Discord: no interaction ${interactionId}`);
      stored.tokenExpired = true;
      store.changed();
    },
    channelMessages: (channelId) => messagesOf(store, requireChannel(store, channelId)),
    dmMessages: (userId) => messagesOf(store, dmChannelOf(store, userId)),
    deleteMessage(channelId, messageId) {
      const message = store.messages.get(messageId);
      if (!message || message.channelId !== channelId) throw new Error(`fake Discord: no message ${messageId} in ${channelId}`);
      message.deleted = true;
      store.changed();
    },
    deleteChannel(channelId) {
      const channel = requireChannel(store, channelId);
      channel.deleted = true;
      changeChannel(channel, GatewayDispatchEvents.ChannelDelete);
    },
    setChannelAccess(channelId, access) {
      const channel = requireChannel(store, channelId);
      channel.access = access;
      changeChannel(channel, GatewayDispatchEvents.ChannelUpdate);
    },
    holdUploads(hold) {
      store.holdUploads = hold;
      if (!hold) for (const res of heldUploads.splice(0)) res.destroy();
    },
    setDmsClosed(userId, closed) {
      if (closed) store.closedDms.add(userId);
      else store.closedDms.delete(userId);
      store.changed();
    },
    requests: store.requests,
    commandPuts: (scope) => store.commandPuts.filter((s) => scope === undefined || s === scope).length,
    registeredCommands: (guildId) => structuredClone(store.commands.get(guildId ?? 'global') ?? []),
    identifies: () => store.identifies.map((identify) => ({ ...identify })),
    disconnectGateway: () => gateway.disconnectAll(),
    waitFor,
    async close() {
      cancelAll(new Error('fake Discord closed while a waitFor was pending'));
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
