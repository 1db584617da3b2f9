import { renderKeys, renderOperatorUsage, renderServers, SERVERS_PER_PAGE } from '../../src/discord/render/operatorReplies.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import type { OperatorRun } from './operatorRun.js';

/** `servers`: every server the bot is in, a page at a time. */
export const runServers: OperatorRun = async (interaction, _operatorId, deps) => {
  const guilds = [...interaction.client.guilds.cache.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const pages = Math.max(1, Math.ceil(guilds.length / SERVERS_PER_PAGE));
  const page = Math.min(pages, interaction.options.getInteger('page') ?? 1);
  const shown = guilds.slice((page - 1) * SERVERS_PER_PAGE, page * SERVERS_PER_PAGE);
  const names = new Map(shown.map((guild) => [guild.id, guild.name]));
  const ownKeys = deps.serverKeys.guildsWithKeys(shown.map((guild) => guild.id));
  const servers = deps.operator
    .servers(shown.map((guild) => guild.id))
    .map((server) => ({ ...server, name: names.get(server.guildId) ?? null, ownKey: ownKeys.has(server.guildId) }));
  const state = { paused: deps.operator.rules.globallyPaused(), accountEmpty: deps.operator.accountEmpty(), unknownPaused: deps.operator.unknownPaused() };
  await replyPrivately(interaction, { embeds: [renderServers({ servers, count: guilds.length, page, pages, ...state }, memberSpeaker(interaction))] });
};

/** `usage`: what the vendor charged this period, per server and in total. */
export const runUsage: OperatorRun = async (interaction, _operatorId, deps) => {
  const usage = deps.operator.usage();
  const nameOf = (guildId: string) => interaction.client.guilds.cache.get(guildId)?.name ?? null;
  await replyPrivately(interaction, { embeds: [renderOperatorUsage(usage, nameOf, memberSpeaker(interaction))] });
};

/** `keys`: each of the operator's API keys, by fingerprint: requests left this hour, empty, paused or backing off. */
export const runKeys: OperatorRun = async (interaction, _operatorId, deps) => {
  await replyPrivately(interaction, { embeds: [renderKeys(deps.operator.keys(), memberSpeaker(interaction))] });
};
