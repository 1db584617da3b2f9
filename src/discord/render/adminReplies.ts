import type { APIEmbed } from 'discord.js';
import type { MemberRulesView } from '../../domain/members/memberRules.js';
import type { QuotaConfig } from '../../domain/quota/quotaAdmin.js';
import type { UsageReport } from '../../domain/quota/types.js';
import type { Translate } from '../words/catalogue.js';
import { colors, fitLines } from './format.js';
import { discordLimits } from './discordLimits.js';

const list = (lines: string[], empty: string, say: Translate) =>
  lines.length === 0 ? empty : fitLines(lines, discordLimits.fieldValue, (count) => say('list.more', { count }));

/** `/veo-admin usage`: this period's totals, split the way the ledger adds up. */
export function renderUsageReport(report: UsageReport, say: Translate): APIEmbed {
  const { breakdown } = report;
  const amount = (credits: number) => say('credits.amount', { credits });
  const count = (value: number) => say('number', { value });
  const top = report.topMembers.map((m, i) => say('usage.topMember', { rank: i + 1, userId: m.userId, used: m.used }));
  return {
    title: say('usage.title', { period: report.period }),
    description: `${say('usage.total', { used: report.used, budget: report.budget })}\n${say('usage.resets', { resetsAt: report.resetsAt })}`,
    color: colors.working,
    fields: [
      { name: say('usage.field.settled'), value: amount(breakdown.settled), inline: true },
      { name: say('usage.field.refunded'), value: amount(breakdown.refunded), inline: true },
      { name: say('usage.field.open'), value: amount(breakdown.open), inline: true },
      { name: say('usage.field.adjusted'), value: amount(breakdown.adjusted), inline: true },
      { name: say('usage.field.generations'), value: count(report.generations), inline: true },
      { name: say('usage.field.refunds'), value: count(report.refunds), inline: true },
      { name: say('usage.field.releases'), value: count(report.releases), inline: true },
      { name: say('usage.field.top'), value: list(top, say('usage.nobody'), say) },
    ],
    footer: { text: say('usage.footer', { periodKey: report.periodKey }) },
  };
}

/** The member rules' lines of `/veo-admin settings`: the active limit, who waits, who is in a cooldown. */
function memberRuleFields(view: MemberRulesView, say: Translate) {
  const cooldowns = view.cooldowns.map((c) => say('members.cooldown', { userId: c.userId, until: c.until }));
  return [
    { name: say('members.field.activeLimit'), value: say('members.activeLimit', { limit: view.activeLimit, setHere: view.limitSetHere }), inline: true },
    { name: say('members.field.waiting'), value: say('members.waiting', { count: view.waiting }), inline: true },
    { name: say('members.field.cooldowns'), value: list(cooldowns, say('settings.none'), say) },
  ];
}

/** `/veo-admin settings`: everything that decides what members may spend, and the member rules when given. */
export function renderQuotaSettings(config: QuotaConfig, say: Translate, members?: MemberRulesView): APIEmbed {
  const { budget, period } = config;
  const changed =
    config.updatedBy === null || config.updatedAt === null
      ? say('settings.defaults')
      : say('settings.changed', { adminId: config.updatedBy, at: config.updatedAt });
  const roles = config.roleAllowances.map((r) => say('settings.roleAllowance', { roleId: r.roleId, allowance: r.allowance, period }));
  const overrides = config.memberOverrides.map((o) => say('settings.memberCap', { userId: o.userId, cap: o.cap, period }));
  return {
    title: say('settings.title'),
    description: `${say('settings.state', { budget, paused: config.paused, operatorPaused: config.operatorPaused })}\n${changed}`,
    color: budget !== 0 && !config.paused ? colors.working : colors.idle,
    fields: [
      { name: say('settings.field.budget'), value: say('settings.budget', { budget, period }), inline: true },
      { name: say('settings.field.ceiling'), value: say('settings.ceiling', { ceiling: config.ceiling.amount, period: config.ceiling.period }), inline: true },
      ...(config.global ? [{ name: say('settings.field.global'), value: say('settings.global', { ...config.global, budget: config.global.amount }), inline: true }] : []),
      { name: say('settings.field.defaultCap'), value: say('settings.cap', { cap: config.defaultMemberCap, period }), inline: true },
      { name: say('settings.field.confirmFrom'), value: say('credits.amount', { credits: config.confirmThreshold }), inline: true },
      { name: say('settings.field.roles'), value: list(roles, say('settings.none'), say) },
      { name: say('settings.field.members'), value: list(overrides, say('settings.none'), say) },
      ...(members ? memberRuleFields(members, say) : []),
    ],
    footer: { text: say('settings.footer') },
  };
}
