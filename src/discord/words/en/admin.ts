import { roleMention, userMention } from 'discord.js';
import type { Period } from '../../../domain/quota/periods.js';
import { credits, dateTime, perPeriod, relative, thisPeriod } from './format.js';

/** What `/veo-admin` answers: reports, settings, and each change it made. */
export const adminWords = {
  'usage.title': (p: { period: Period }) => `Video credits used ${thisPeriod(p.period)}`,
  'usage.total': (p: { used: number; budget: number | null }) =>
    p.budget === null
      ? `**${credits(p.used)}** used; there is no server budget.`
      : `**${credits(p.used)}** used of the ${credits(p.budget)} budget; ${credits(Math.max(0, p.budget - p.used))} left.`,
  'usage.resets': (p: { resetsAt: Date }) => `Resets ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'usage.field.settled': () => 'Settled',
  'usage.field.refunded': () => 'Refunded',
  'usage.field.open': () => 'Open reservations',
  'usage.field.adjusted': () => 'Adjusted by admins',
  'usage.field.generations': () => 'Generations',
  'usage.field.refunds': () => 'Refunds',
  'usage.field.releases': () => 'Failures (released uncharged)',
  'usage.field.top': () => 'Top members',
  'usage.topMember': (p: { rank: number; userId: string; used: number }) => `${p.rank}. ${userMention(p.userId)}: ${credits(p.used)}`,
  'usage.nobody': () => 'Nobody has used credits yet.',
  'usage.footer': (p: { periodKey: string }) => `Used = settled − refunded + open + adjusted · ${p.periodKey}`,

  'settings.title': () => 'Video credit settings',
  'settings.state': (p: { budget: number | null; paused: boolean; operatorPaused: boolean }) =>
    p.operatorPaused
      ? "Video generation is **paused** in every server by the bot's operator."
      : p.budget === 0
      ? 'Video generation is **off**: the budget is 0 credits.'
      : p.paused
        ? 'Video generation is **paused** by the admins.'
        : 'Video generation is **on**.',
  'settings.defaults': () => 'The server runs on the bot’s default settings.',
  'settings.changed': (p: { adminId: string; at: Date }) => `Last changed by ${userMention(p.adminId)} ${relative(p.at)}.`,
  'settings.field.budget': () => 'Server budget',
  'settings.field.defaultCap': () => 'Default member cap',
  'settings.field.ceiling': () => 'Operator ceiling',
  'settings.field.global': () => 'All servers (operator)',
  'settings.ceiling': (p: { ceiling: number | null; period: Period }) =>
    p.ceiling === null ? 'none: any budget' : `${perPeriod(p.ceiling, p.period)} at most`,
  'settings.global': (p: { budget: number; period: Period; remaining: number; resetsAt: Date }) =>
    `${credits(p.remaining)} left of ${perPeriod(p.budget, p.period)} for all the bot's servers; resets ${relative(p.resetsAt)}`,
  'settings.field.confirmFrom': () => 'Confirm from',
  'settings.field.roles': () => 'Role allowances',
  'settings.field.members': () => 'Member caps',
  'settings.budget': (p: { budget: number | null; period: Period }) =>
    p.budget === null ? `unlimited (periods of a ${p.period})` : perPeriod(p.budget, p.period),
  'settings.cap': (p: { cap: number | null; period: Period }) => (p.cap === null ? 'no cap' : perPeriod(p.cap, p.period)),
  'settings.roleAllowance': (p: { roleId: string; allowance: number; period: Period }) =>
    `${roleMention(p.roleId)}: ${perPeriod(p.allowance, p.period)}`,
  'settings.memberCap': (p: { userId: string; cap: number; period: Period }) => `${userMention(p.userId)}: ${perPeriod(p.cap, p.period)}`,
  'settings.none': () => 'None',
  'settings.footer': () => "A member's own cap wins; else their largest role allowance; else the default cap.",

  'budget.unlimited': (p: { period: Period; used: number; resetsAt: Date }) =>
    `Budget set to unlimited: no server-wide limit. Member caps still count per ${p.period}; ${p.used} used so far; resets ${relative(p.resetsAt)}.`,
  'budget.unlimitedCapped': (p: { ceiling: number; ceilingPeriod: Period; used: number; resetsAt: Date }) =>
    `Budget set to the most the bot's operator allows this server: ${perPeriod(p.ceiling, p.ceilingPeriod)}. ${p.used} used so far; resets ${relative(p.resetsAt)}.`,
  'budget.ceilingBinds': (p: { ceiling: number; period: Period }) =>
    `The bot's operator still allows this server at most ${perPeriod(p.ceiling, p.period)}, whichever limit is reached first.`,
  'budget.off': () => 'Budget set to 0 credits: video generation is now off in this server. Set a budget above 0 to turn it back on.',
  'budget.set': (p: { budget: number; period: Period; used: number; resetsAt: Date }) =>
    `Budget set to ${perPeriod(p.budget, p.period)}. ${p.used} used so far; resets ${relative(p.resetsAt)}.`,
  'budget.stillPaused': () => 'Generation is still paused: /veo-admin resume turns it back on.',
  'memberCap.defaultRemoved': () =>
    'Removed the default member cap: members are limited only by their role allowances and the server budget.',
  'memberCap.defaultSet': (p: { cap: number; period: Period }) =>
    `Default member cap set to ${perPeriod(p.cap, p.period)}. Role allowances and members' own caps still take precedence.`,
  'memberCap.noneToRemove': (p: { userId: string }) => `${userMention(p.userId)} has no cap of their own; nothing changed.`,
  'memberCap.removed': (p: { userId: string }) =>
    `Removed ${userMention(p.userId)}'s own cap: their roles' allowances or the server default apply again.`,
  'memberCap.blocked': (p: { userId: string }) => `${userMention(p.userId)}'s cap set to 0: they can't make videos in this server until you change it.`,
  'memberCap.set': (p: { userId: string; cap: number; period: Period }) =>
    `${userMention(p.userId)}'s cap set to ${perPeriod(p.cap, p.period)}, whatever their roles allow.`,
  'roleAllowance.noneToRemove': (p: { roleId: string }) => `${roleMention(p.roleId)} has no allowance; nothing changed.`,
  'roleAllowance.removed': (p: { roleId: string }) => `Removed the allowance of ${roleMention(p.roleId)}.`,
  'roleAllowance.set': (p: { roleId: string; allowance: number; period: Period }) =>
    `Members with ${roleMention(p.roleId)} may now spend up to ${perPeriod(p.allowance, p.period)} (the largest allowance among a member's roles applies).`,
  'confirmThreshold.always': () => 'Every video request now asks the member to confirm before anything is spent.',
  'confirmThreshold.set': (p: { threshold: number }) => `Video requests costing ${credits(p.threshold)} or more now ask the member to confirm first.`,
  'adjust.done': (p: { userId: string; credits: number; memberUsed: number; serverUsed: number }) =>
    `${p.credits > 0 ? `Gave ${credits(p.credits)} back to` : `Took ${credits(-p.credits)} from`} ${userMention(p.userId)}. ` +
    `They have now used ${credits(p.memberUsed)} this period; the server ${credits(p.serverUsed)}.`,
  'pause.already': () => 'Video generation was already paused; nothing changed.',
  'pause.done': () =>
    'Video generation is paused in this server: new requests are refused until you run /veo-admin resume. Videos already being made will finish.',
  'resume.notPaused': () => 'Video generation was not paused; nothing changed.',
  'resume.budgetZero': () => 'Resumed, but the budget is 0 credits, so video generation stays off until you set a budget.',
  'resume.done': () => 'Video generation resumed: members can make videos again.',
};
