import { UserFacingError } from '../../src/domain/errors.js';
import { budgetPeriod } from '../../src/domain/quota/adminInput.js';
import { memberSpeaker, replyPrivately } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `budget`: an amount (0 turns generation off) or unlimited, per day, week or month. */
export const runBudget: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const amount = interaction.options.getInteger('amount');
  const unlimited = interaction.options.getBoolean('unlimited') ?? false;
  if (unlimited && amount !== null) throw new UserFacingError('budget_amount_and_unlimited');
  if (!unlimited && amount === null) throw new UserFacingError('budget_amount_missing');

  const chosen = interaction.options.getString('period');
  const period = chosen === null ? deps.quotaAdmin.settings(guildId).period : budgetPeriod(chosen);
  const settings = deps.quotaAdmin.setBudget(guildId, unlimited ? null : amount, period, adminId);
  const { used, resetsAt } = deps.quotaAdmin.usage(guildId, 0);
  const say = memberSpeaker(interaction);
  const ceiling = deps.quotaAdmin.ceiling(guildId);
  const content =
    settings.budget === null
      ? ceiling.amount === null
        ? say('budget.unlimited', { period, used, resetsAt })
        : say('budget.unlimitedCapped', { ceiling: ceiling.amount, ceilingPeriod: ceiling.period, used, resetsAt })
      : settings.budget === 0
        ? say('budget.off')
        : say('budget.set', { budget: settings.budget, period, used, resetsAt });
  // Under a ceiling of another period the budget is kept, but the ceiling binds too.
  const otherPeriod = settings.budget !== 0 && settings.budget !== null && ceiling.amount !== null && ceiling.period !== period;
  const notes = [
    ...(otherPeriod && ceiling.amount !== null ? [say('budget.ceilingBinds', { ceiling: ceiling.amount, period: ceiling.period })] : []),
    ...(settings.paused ? [say('budget.stillPaused')] : []),
  ];
  await reportChange(interaction, admin, deps, { change: 'budget', budget: settings.budget, period }, [content, ...notes].join(' '));
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
    const content = amount === null ? say('memberCap.defaultRemoved') : say('memberCap.defaultSet', { cap: amount, period });
    return reportChange(interaction, admin, deps, { change: 'default_member_cap', cap: amount }, content);
  }

  const userId = member.id;
  if (amount === null && !memberOverrides.some((o) => o.userId === userId)) {
    await replyPrivately(interaction, { content: say('memberCap.noneToRemove', { userId }) });
    return;
  }
  deps.quotaAdmin.setMemberCap(guildId, userId, amount, adminId);
  const content =
    amount === null
      ? say('memberCap.removed', { userId })
      : amount === 0
        ? say('memberCap.blocked', { userId })
        : say('memberCap.set', { userId, cap: amount, period });
  await reportChange(interaction, admin, deps, { change: 'member_cap', userId, cap: amount }, content);
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
  const content = amount === 0 ? say('roleAllowance.removed', { roleId }) : say('roleAllowance.set', { roleId, allowance: amount, period });
  await reportChange(interaction, admin, deps, { change: 'role_allowance', roleId, allowance: amount }, content);
};

/** `confirm-threshold`: requests costing at least this much ask the member to confirm. */
export const runConfirmThreshold: AdminRun = async (interaction, admin, deps) => {
  const amount = interaction.options.getInteger('amount', true);
  deps.quotaAdmin.setConfirmThreshold(admin.guildId, amount, admin.adminId);
  const say = memberSpeaker(interaction);
  const content = amount === 0 ? say('confirmThreshold.always') : say('confirmThreshold.set', { threshold: amount });
  await reportChange(interaction, admin, deps, { change: 'confirm_threshold', threshold: amount }, content);
};
