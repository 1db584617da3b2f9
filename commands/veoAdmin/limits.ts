import { budgetPeriod } from '../../src/domain/quota/adminInput.js';
import { discordTime } from '../../src/domain/quota/periods.js';
import { refusals } from '../../src/domain/quota/refusals.js';
import { credits } from '../../src/discord/render/credits.js';
import { replyPrivately } from '../../src/discord/replies.js';
import { reportChange, type AdminRun } from './adminRun.js';

/** `budget`: an amount (0 turns generation off) or unlimited, per day, week or month. */
export const runBudget: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const amount = interaction.options.getInteger('amount');
  const unlimited = interaction.options.getBoolean('unlimited') ?? false;
  if (unlimited && amount !== null) throw refusals.invalid('Give either an amount or unlimited, not both.');
  if (!unlimited && amount === null) throw refusals.invalid('Give an amount of credits (0 turns video generation off), or set unlimited to True.');

  const chosen = interaction.options.getString('period');
  const period = chosen === null ? deps.quota.settings(guildId).period : budgetPeriod(chosen);
  const settings = deps.quota.setBudget(guildId, unlimited ? null : amount, period, adminId);
  const usage = deps.quota.usage(guildId, 0);
  const used = `${usage.used} used so far; resets ${discordTime(usage.resetsAt)}.`;
  const stillPaused = settings.paused ? ' Generation is still paused: /veo-admin resume turns it back on.' : '';
  const content =
    settings.budget === null
      ? `Budget set to unlimited: no server-wide limit. Member caps still count per ${period}; ${used}`
      : settings.budget === 0
        ? 'Budget set to 0 credits: video generation is now off in this server. Set a budget above 0 to turn it back on.'
        : `Budget set to ${credits(settings.budget)} per ${period}. ${used}`;
  await reportChange(interaction, admin, deps, { change: 'budget', budget: settings.budget, period }, content + stillPaused);
};

/** `member-cap`: the server default, or one member's override; no amount removes it. */
export const runMemberCap: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const amount = interaction.options.getInteger('amount');
  const member = interaction.options.getUser('member');
  const { period, memberOverrides } = deps.quota.settings(guildId);
  const perPeriod = (n: number) => `${credits(n)} per ${period}`;

  if (!member) {
    deps.quota.setDefaultMemberCap(guildId, amount, adminId);
    const content =
      amount === null
        ? 'Removed the default member cap: members are limited only by their role allowances and the server budget.'
        : `Default member cap set to ${perPeriod(amount)}. Role allowances and members' own caps still take precedence.`;
    return reportChange(interaction, admin, deps, { change: 'default_member_cap', cap: amount }, content);
  }

  const who = `<@${member.id}>`;
  if (amount === null && !memberOverrides.some((o) => o.userId === member.id)) {
    await replyPrivately(interaction, { content: `${who} has no cap of their own; nothing changed.` });
    return;
  }
  deps.quota.setMemberCap(guildId, member.id, amount, adminId);
  const content =
    amount === null
      ? `Removed ${who}'s own cap: their roles' allowances or the server default apply again.`
      : amount === 0
        ? `${who}'s cap set to 0: they can't make videos in this server until you change it.`
        : `${who}'s cap set to ${perPeriod(amount)}, whatever their roles allow.`;
  await reportChange(interaction, admin, deps, { change: 'member_cap', userId: member.id, cap: amount }, content);
};

/** `role-allowance`: what members with a role may spend; 0 removes the allowance. */
export const runRoleAllowance: AdminRun = async (interaction, admin, deps) => {
  const { guildId, adminId } = admin;
  const role = interaction.options.getRole('role', true);
  const amount = interaction.options.getInteger('amount', true);
  const { period, roleAllowances } = deps.quota.settings(guildId);
  const which = `<@&${role.id}>`;
  if (amount === 0 && !roleAllowances.some((a) => a.roleId === role.id)) {
    await replyPrivately(interaction, { content: `${which} has no allowance; nothing changed.` });
    return;
  }
  deps.quota.setRoleAllowance(guildId, role.id, amount, adminId);
  const content =
    amount === 0
      ? `Removed the allowance of ${which}.`
      : `Members with ${which} may now spend up to ${credits(amount)} per ${period} (the largest allowance among a member's roles applies).`;
  await reportChange(interaction, admin, deps, { change: 'role_allowance', roleId: role.id, allowance: amount }, content);
};

/** `confirm-threshold`: requests costing at least this much ask the member to confirm. */
export const runConfirmThreshold: AdminRun = async (interaction, admin, deps) => {
  const amount = interaction.options.getInteger('amount', true);
  deps.quota.setConfirmThreshold(admin.guildId, amount, admin.adminId);
  const content =
    amount === 0
      ? 'Every video request now asks the member to confirm before anything is spent.'
      : `Video requests costing ${credits(amount)} or more now ask the member to confirm first.`;
  await reportChange(interaction, admin, deps, { change: 'confirm_threshold', threshold: amount }, content);
};
