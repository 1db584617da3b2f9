import { renderBlocklist } from '../../src/discord/render/blocklistReplies.js';
import { memberSpeaker, replyPrivatelyInPages } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `blocklist add words:<…>`: comma-separated entries, each checked; those on the list already are skipped. */
export const runBlocklistAdd: AdminRun = async (interaction, admin, deps) => {
  const { added, skipped, count } = deps.blocklists.add(admin.guildId, interaction.options.getString('words', true), admin.adminId);
  const { max } = deps.blocklists.summary(admin.guildId);
  const content = memberSpeaker(interaction)('blocklist.added', { added: added.length, skipped, count, max });
  await reportChange(interaction, admin, deps, { change: 'blocklist_add', added: added.length, count }, content);
};

/** `blocklist remove words:<…>`: the entries named are allowed again. */
export const runBlocklistRemove: AdminRun = async (interaction, admin, deps) => {
  const { removed, missing, count } = deps.blocklists.remove(admin.guildId, interaction.options.getString('words', true));
  const content = memberSpeaker(interaction)('blocklist.removed', { removed, missing, count });
  await reportChange(interaction, admin, deps, { change: 'blocklist_remove', removed, count }, content);
};

/** `blocklist list`: the entries, privately, over several messages when long. */
export const runBlocklistList: AdminRun = async (interaction, { guildId }, deps) => {
  await replyPrivatelyInPages(interaction, renderBlocklist(deps.blocklists.list(guildId), deps.blocklists.summary(guildId), memberSpeaker(interaction)));
};

/** `blocklist builtin enabled:<True|False>`: obscenity's English list on top of the server's own. */
export const runBlocklistBuiltin: AdminRun = async (interaction, admin, deps) => {
  const enabled = interaction.options.getBoolean('enabled', true);
  deps.blocklists.setBuiltin(admin.guildId, enabled, admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'blocklist_builtin', enabled }, memberSpeaker(interaction)('blocklist.builtinSet', { enabled }));
};
