import { renderQuotaSettings, renderUsageReport } from '../../src/discord/render/adminReplies.js';
import { withServerKeyField } from '../../src/discord/render/serverKeyReplies.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import type { AdminRun } from './adminRun.js';

const TOP_MEMBERS = 10;

/** `usage`: this period's totals, how they add up, and who used the most. */
export const runUsage: AdminRun = async (interaction, { guildId }, deps) => {
  await replyPrivately(interaction, { embeds: [renderUsageReport(deps.quotaAdmin.usage(guildId, TOP_MEMBERS), memberSpeaker(interaction))] });
};

/** `settings`: the budget, caps, allowances and overrides in force, and the server's own key when server keys are on. */
export const runSettings: AdminRun = async (interaction, { guildId }, deps) => {
  const say = memberSpeaker(interaction);
  const embed = renderQuotaSettings(deps.quotaAdmin.settings(guildId), say);
  const { serverKeys } = deps;
  const shown = serverKeys.state() === 'ready' ? withServerKeyField(embed, serverKeys.standing(guildId), serverKeys.mode === 'required', say) : embed;
  await replyPrivately(interaction, { embeds: [shown] });
};
