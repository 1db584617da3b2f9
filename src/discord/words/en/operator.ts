import type { Period } from '../../../domain/quota/periods.js';
import { credits, number, perPeriod, plural, relative, thisPeriod } from './format.js';
import { serverNames } from '../serverName.js';

/** A server's name is its admins' text: shown as plain text, never as markup, and kept short. */
const serverName = serverNames('server');
const limit = (amount: number | null, period: Period) => (amount === null ? 'unlimited' : perPeriod(amount, period));

/** What /veo-operator shows the operator, and what the bot tells the operator by DM. */
export const operatorWords = {
  'operator.description': () => 'Rule over every server: ceilings, the global budget, access and pauses',
  'operator.servers.description': () => 'Every server the bot is in, with its budget, ceiling and use',
  'operator.servers.page': () => 'Page number (10 servers a page)',
  'operator.ceiling.description': () => "The most a server's admins may set as their budget",
  'operator.ceiling.amount': () => 'Credits per period; 0 lets the server spend nothing',
  'operator.ceiling.unlimited': () => 'No ceiling: the admins set any budget',
  'operator.ceiling.period': () => 'The ceiling period (default: the current one)',
  'operator.server': () => 'The server (type to search by name, or paste its id)',
  'operator.global.description': () => 'The most all servers together may spend',
  'operator.global.amount': () => 'Credits per period for all servers together',
  'operator.global.unlimited': () => 'No global budget',
  'operator.global.period': () => 'The budget period (default: the current one)',
  'operator.allow.description': () => 'Let a server use the bot',
  'operator.deny.description': () => 'Stop a server from using the bot',
  'operator.pause.description': () => 'Stop new videos in every server (running ones finish)',
  'operator.resume.description': () => 'Allow new videos again, and retry the queue after an empty account',
  'operator.usage.description': () => "This period's spend per server and in total",

  'operator.ceiling.set': (p: { name: string | null; guildId: string; ceiling: number | null; period: Period }) =>
    p.ceiling === null
      ? `${serverName(p.name, p.guildId)} has no ceiling now: its admins may set any budget.`
      : `${serverName(p.name, p.guildId)} may now spend at most ${perPeriod(p.ceiling, p.period)}, whatever budget its admins set.`,
  'operator.global.set': (p: { budget: number | null; period: Period }) =>
    p.budget === null
      ? 'No global budget now: each server is limited by its own budget and ceiling only.'
      : `All servers together may now spend at most ${perPeriod(p.budget, p.period)}.`,
  'operator.access.set': (p: { name: string | null; guildId: string; allowed: boolean; changed: boolean }) =>
    `${serverName(p.name, p.guildId)} ${p.allowed ? 'may use the bot' : 'may not use the bot'}${p.changed ? ' now' : ', as before; nothing changed'}.`,
  'operator.pause.done': () => 'New videos are paused in every server. Videos already being made will finish; /veo-operator resume allows new ones again.',
  'operator.pause.already': () => 'New videos were already paused everywhere; nothing changed.',
  'operator.resume.done': (p: { wasPaused: boolean; wasEmpty: boolean; wasUnknownPaused: boolean }) =>
    !p.wasPaused && !p.wasEmpty && !p.wasUnknownPaused
      ? "Nothing was paused by you or by an empty account; servers' own pauses are theirs to lift."
      : [
          p.wasPaused ? 'New videos are allowed again in every server.' : '',
          p.wasEmpty ? 'The queue is tried again now; if the account is still empty it waits again.' : '',
          p.wasUnknownPaused ? 'Submissions on the API key go out again; its count of unknown outcomes starts from zero.' : '',
          "Servers paused by their own admins stay paused.",
        ]
          .filter((line) => line !== '')
          .join(' '),

  'operator.servers.title': (p: { count: number; page: number; pages: number }) =>
    `Servers: ${number(p.count)} (page ${number(p.page)} of ${number(p.pages)})`,
  'operator.servers.line': (p: {
    name: string | null;
    guildId: string;
    budget: number | null;
    period: Period;
    ceiling: number | null;
    ceilingPeriod: Period;
    used: number;
    paused: boolean;
    allowed: boolean;
    lastActivity: Date | null;
  }) =>
    `**${serverName(p.name, p.guildId)}** (${p.guildId})${p.allowed ? '' : ' · **not allowed**'}${p.paused ? ' · paused' : ''}\n` +
    `budget ${limit(p.budget, p.period)} · ceiling ${limit(p.ceiling, p.ceilingPeriod)} · used ${credits(p.used)} ${thisPeriod(p.period)} · ` +
    (p.lastActivity === null ? 'no videos yet' : `last video ${relative(p.lastActivity)}`),
  'operator.servers.none': () => 'The bot is in no server.',
  'operator.servers.state': (p: { paused: boolean; accountEmpty: boolean; unknownPaused: boolean }) =>
    [
      p.paused ? 'New videos are **paused** everywhere.' : '',
      p.accountEmpty ? 'The video account is **empty**: the queue waits.' : '',
      p.unknownPaused ? 'Submissions on the API key are **paused** after unknown outcomes: /veo-operator resume.' : '',
    ]
      .filter((line) => line !== '')
      .join(' '),

  'operator.usage.title': (p: { period: Period }) => `Video credits spent by all servers ${thisPeriod(p.period)}`,
  'operator.usage.total': (p: { total: number; budget: number | null; resetsAt: Date }) =>
    (p.budget === null ? `**${credits(p.total)}** charged; there is no global budget.` : `**${credits(p.total)}** charged of the ${credits(p.budget)} global budget.`) +
    ` The period resets ${relative(p.resetsAt)}.`,
  'operator.usage.field.refunded': () => 'Refunded',
  'operator.usage.field.generations': () => 'Generations',
  'operator.usage.field.releases': () => 'Failures (released uncharged)',
  'operator.usage.field.unknowns': () => 'Unknown outcomes (members not charged)',
  'operator.usage.unknowns': (p: { count: number; credits: number }) => `${number(p.count)}, up to ${credits(p.credits)}`,
  'operator.usage.field.servers': () => 'Per server',
  'operator.usage.server': (p: { rank: number; name: string | null; guildId: string; charged: number; refunded: number }) =>
    `${p.rank}. ${serverName(p.name, p.guildId)}: ${credits(p.charged)}${p.refunded > 0 ? ` (${number(p.refunded)} refunded)` : ''}`,
  'operator.usage.nobody': () => 'No server has spent credits this period.',
  'operator.usage.footer': (p: { periodKey: string }) => `Counts what the video service charged; admin adjustments are not included · ${p.periodKey}`,

  'operator.accountEmptyDm': (p: { requiredCredits: number | null; waitingCredits: number }) =>
    `The nanophoto account that pays for the bot's videos is out of credits` +
    (p.requiredCredits === null ? '.' : ` (the last request needed ${credits(p.requiredCredits)}).`) +
    ` The waiting requests need ${credits(p.waitingCredits)} in total.` +
    ' No video is sent for any server until it has credits again; requests wait in the queue and members see why.' +
    ' Top the account up, then run /veo-operator resume, or the bot tries one request again every little while by itself.',
  'operator.unknownOutcomesDm': (p: { count: number }) =>
    `Submissions on the nanophoto API key are paused: the last ${number(p.count)} ${plural(p.count, { one: 'video request', other: 'video requests' })} in a row got no clear answer` +
    ' (a time-out, a cut connection or an answer the bot could not read). The vendor may have charged them: your ceilings and global budget count them, members are not charged.' +
    ' Requests wait in the queue. Check the video service, then run /veo-operator resume.',
};
