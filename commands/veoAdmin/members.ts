import { memberSpeaker } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `member-limit`: how many requests each member may have waiting or being made at once; 0 = no limit. */
export const runMemberLimit: AdminRun = async (interaction, admin, deps) => {
  const limit = deps.members.setActiveLimit(admin.guildId, interaction.options.getInteger('amount', true), admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'member_active_limit', limit }, memberSpeaker(interaction)('members.activeLimitSet', { limit }));
};

/** `cooldown-clear`: the member's cooldown ends now, and the failures behind it no longer count. */
export const runCooldownClear: AdminRun = async (interaction, admin, deps) => {
  const userId = interaction.options.getUser('member', true).id;
  const lifted = deps.members.clearCooldown(admin.guildId, userId, admin.adminId);
  const content = memberSpeaker(interaction)('members.cooldownCleared', { userId, until: lifted?.until ?? null });
  await reportChange(interaction, admin, deps, { change: 'cooldown_clear', userId, wasInCooldown: lifted !== undefined }, content);
};
