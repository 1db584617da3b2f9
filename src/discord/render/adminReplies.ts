import type { APIEmbed } from 'discord.js';
import { discordTime, thisPeriod } from '../../domain/quota/periods.js';
import type { QuotaConfig, UsageReport } from '../../domain/quota/quotaService.js';
import { credits } from './credits.js';
import { colors, fitLines } from './format.js';

/** Discord's limit for an embed field's value. */
const FIELD_LIMIT = 1024;

const list = (lines: string[], empty: string) => (lines.length === 0 ? empty : fitLines(lines, FIELD_LIMIT));

/** `/veo-admin usage`: this period's totals, split the way the ledger adds up. */
export function renderUsageReport(report: UsageReport): APIEmbed {
  const { budget, used, breakdown } = report;
  const total =
    budget === null
      ? `**${credits(used)}** used; there is no server budget.`
      : `**${credits(used)}** used of the ${credits(budget)} budget; ${credits(Math.max(0, budget - used))} left.`;
  const top = report.topMembers.map((m, i) => `${i + 1}. <@${m.userId}>: ${credits(m.used)}`);
  return {
    title: `Video credits used ${thisPeriod(report.period)}`,
    description: `${total}\nResets ${discordTime(report.resetsAt)} (${discordTime(report.resetsAt, 'f')}).`,
    color: colors.working,
    fields: [
      { name: 'Settled', value: credits(breakdown.settled), inline: true },
      { name: 'Refunded', value: credits(breakdown.refunded), inline: true },
      { name: 'Open reservations', value: credits(breakdown.open), inline: true },
      { name: 'Adjusted by admins', value: credits(breakdown.adjusted), inline: true },
      { name: 'Generations', value: String(report.generations), inline: true },
      { name: 'Refunds', value: String(report.refunds), inline: true },
      { name: 'Failures (released uncharged)', value: String(report.releases), inline: true },
      { name: 'Top members', value: list(top, 'Nobody has used credits yet.') },
    ],
    footer: { text: `Used = settled − refunded + open + adjusted · ${report.periodKey}` },
  };
}

/** `/veo-admin settings`: everything that decides what members may spend. */
export function renderQuotaSettings(config: QuotaConfig): APIEmbed {
  const { budget, period } = config;
  const perPeriod = (n: number) => `${credits(n)} per ${period}`;
  const state =
    budget === 0
      ? 'Video generation is **off**: the budget is 0 credits.'
      : config.paused
        ? 'Video generation is **paused** by the admins.'
        : 'Video generation is **on**.';
  const changed =
    config.updatedBy === null || config.updatedAt === null
      ? 'The server runs on the bot’s default settings.'
      : `Last changed by <@${config.updatedBy}> ${discordTime(config.updatedAt)}.`;
  const roles = config.roleAllowances.map((r) => `<@&${r.roleId}>: ${perPeriod(r.allowance)}`);
  const overrides = config.memberOverrides.map((o) => `<@${o.userId}>: ${perPeriod(o.cap)}`);
  return {
    title: 'Video credit settings',
    description: `${state}\n${changed}`,
    color: budget !== 0 && !config.paused ? colors.working : colors.idle,
    fields: [
      { name: 'Server budget', value: budget === null ? `unlimited (periods of a ${period})` : perPeriod(budget), inline: true },
      { name: 'Default member cap', value: config.defaultMemberCap === null ? 'no cap' : perPeriod(config.defaultMemberCap), inline: true },
      { name: 'Confirm from', value: credits(config.confirmThreshold), inline: true },
      { name: 'Role allowances', value: list(roles, 'None') },
      { name: 'Member caps', value: list(overrides, 'None') },
    ],
    footer: { text: "A member's own cap wins; else their largest role allowance; else the default cap." },
  };
}
