import { renderQuotaSettings, renderUsageReport } from '../../src/discord/render/adminReplies.js';
import { blocklistSettingField } from '../../src/discord/render/blocklistReplies.js';
import { withModeration } from '../../src/discord/render/moderationSettings.js';
import { withServerKeyField } from '../../src/discord/render/serverKeyReplies.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import type { AdminRun } from './adminRun.js';

const TOP_MEMBERS = 10;

/** `usage`: this period's totals, how they add up, and who used the most. */
export const runUsage: AdminRun = async (interaction, { guildId }, deps) => {
  await replyPrivately(interaction, { embeds: [renderUsageReport(deps.quotaAdmin.usage(guildId, TOP_MEMBERS), memberSpeaker(interaction))] });
};

/**
 * `settings`: the budget, caps, allowances and overrides in force, the member limit, who waits, who
 * is in a cooldown, the blocklist's size, approval and the log, and the server's own key when
 * server keys are on.
 */
export const runSettings: AdminRun = async (interaction, { guildId }, deps) => {
  const say = memberSpeaker(interaction);
  const embed = renderQuotaSettings(deps.quotaAdmin.settings(guildId), say, deps.members.view(guildId));
  embed.fields = [...(embed.fields ?? []), blocklistSettingField(deps.blocklists.summary(guildId), say)];
  const { serverKeys } = deps;
  const withKey = serverKeys.state() === 'ready' ? withServerKeyField(embed, serverKeys.standing(guildId), serverKeys.mode === 'required', say) : embed;
  await replyPrivately(interaction, { embeds: [withModeration(withKey, deps.moderation.view(guildId), say)] });
};
