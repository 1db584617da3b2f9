import { budgetPeriod } from '../../src/domain/quota/adminInput.js';
import { readAmountOrUnlimited } from '../../src/discord/interactionInput.js';
import { budgetSetText, confirmThresholdText, defaultMemberCapText, memberCapText, roleAllowanceText } from '../../src/discord/render/limitReplies.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `budget`: an amount (0 turns generation off) or unlimited, per day, week or month. */
export const runBudget: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const amount = readAmountOrUnlimited(interaction);
  const chosen = interaction.options.getString('period');
  const period = chosen === null ? deps.quotaAdmin.settings(guildId).period : budgetPeriod(chosen);
  const settings = deps.quotaAdmin.setBudget(guildId, amount, period, adminId);
  const { used, resetsAt } = deps.quotaAdmin.usage(guildId, 0);
  const content = budgetSetText({ settings, period, used, resetsAt, ceiling: deps.quotaAdmin.ceiling(guildId) }, memberSpeaker(interaction));
  await reportChange(interaction, admin, deps, { change: 'budget', budget: settings.budget, period }, content);
};

/** `member-cap`: the server default, or one member's override; no amount removes it. */
export const runMemberCap: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const amount = interaction.options.getInteger('amount');
  const member = interaction.options.getUser('member');
  const { period, memberOverrides } = deps.quotaAdmin.settings(guildId);
  const say = memberSpeaker(interaction);

  if (!member) {
    deps.quotaAdmin.setDefaultMemberCap(guildId, amount, adminId);
    return reportChange(interaction, admin, deps, { change: 'default_member_cap', cap: amount }, defaultMemberCapText(amount, period, say));
  }

  const userId = member.id;
  if (amount === null && !memberOverrides.some((o) => o.userId === userId)) {
    await replyPrivately(interaction, { content: say('memberCap.noneToRemove', { userId }) });
    return;
  }
  deps.quotaAdmin.setMemberCap(guildId, userId, amount, adminId);
  await reportChange(interaction, admin, deps, { change: 'member_cap', userId, cap: amount }, memberCapText(userId, amount, period, say));
};

/** `role-allowance`: what members with a role may spend; 0 removes the allowance. */
export const runRoleAllowance: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const roleId = interaction.options.getRole('role', true).id;
  const amount = interaction.options.getInteger('amount', true);
  const { period, roleAllowances } = deps.quotaAdmin.settings(guildId);
  const say = memberSpeaker(interaction);
  if (amount === 0 && !roleAllowances.some((a) => a.roleId === roleId)) {
    await replyPrivately(interaction, { content: say('roleAllowance.noneToRemove', { roleId }) });
    return;
  }
  deps.quotaAdmin.setRoleAllowance(guildId, roleId, amount, adminId);
  await reportChange(interaction, admin, deps, { change: 'role_allowance', roleId, allowance: amount }, roleAllowanceText(roleId, amount, period, say));
};

/** `confirm-threshold`: requests costing at least this much ask the member to confirm. */
export const runConfirmThreshold: AdminRun = async (interaction, admin, deps) => {
  const amount = interaction.options.getInteger('amount', true);
  deps.quotaAdmin.setConfirmThreshold(admin.guildId, amount, admin.adminId);
  await reportChange(interaction, admin, deps, { change: 'confirm_threshold', threshold: amount }, confirmThresholdText(amount, memberSpeaker(interaction)));
};
