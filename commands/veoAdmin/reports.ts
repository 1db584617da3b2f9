import { renderQuotaSettings, renderUsageReport } from '../../src/discord/render/adminReplies.js';
import { withModeration } from '../../src/discord/render/moderationSettings.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import type { AdminRun } from './adminRun.js';

const TOP_MEMBERS = 10;

/** `usage`: this period's totals, how they add up, and who used the most. */
export const runUsage: AdminRun = async (interaction, { guildId }, deps) => {
  await replyPrivately(interaction, { embeds: [renderUsageReport(deps.quotaAdmin.usage(guildId, TOP_MEMBERS), memberSpeaker(interaction))] });
};

/** `settings`: the budget, caps, allowances and overrides in force. */
export const runSettings: AdminRun = async (interaction, { guildId }, deps) => {
  const say = memberSpeaker(interaction);
  await replyPrivately(interaction, { embeds: [withModeration(renderQuotaSettings(deps.quotaAdmin.settings(guildId), say), deps.moderation.view(guildId), say)] });
};
