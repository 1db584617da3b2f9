import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `approval on`: members' requests wait in the channel for a moderator (the role, or Manage Messages). */
export const runApprovalOn: AdminRun = async (interaction, admin, deps) => {
  const channelId = interaction.options.getChannel('channel', true).id;
  const roleId = interaction.options.getRole('role')?.id ?? null;
  deps.moderation.approvalOn(admin.guildId, channelId, roleId, admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'approval_on', channelId, roleId }, memberSpeaker(interaction)('approvalAdmin.on', { channelId, roleId }));
};

/** `approval off`: new requests no longer wait; those waiting are left to the moderators. */
export const runApprovalOff: AdminRun = async (interaction, admin, deps) => {
  const say = memberSpeaker(interaction);
  if (!deps.moderation.approvalOff(admin.guildId, admin.adminId)) return replyPrivately(interaction, { content: say('approvalAdmin.alreadyOff') });
  await reportChange(interaction, admin, deps, { change: 'approval_off' }, say('approvalAdmin.off'));
};

/** `log-channel set`: every request made from now on is posted there once final. */
export const runLogChannelSet: AdminRun = async (interaction, admin, deps) => {
  const channelId = interaction.options.getChannel('channel', true).id;
  deps.moderation.logOn(admin.guildId, channelId, admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'log_channel', channelId }, memberSpeaker(interaction)('logAdmin.set', { channelId }));
};

export const runLogChannelOff: AdminRun = async (interaction, admin, deps) => {
  const say = memberSpeaker(interaction);
  if (!deps.moderation.logOff(admin.guildId, admin.adminId)) return replyPrivately(interaction, { content: say('logAdmin.alreadyOff') });
  await reportChange(interaction, admin, deps, { change: 'log_channel_off' }, say('logAdmin.off'));
};
