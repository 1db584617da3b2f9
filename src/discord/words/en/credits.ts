import { inlineCode, roleMention } from 'discord.js';
import type { AskingCommand, Outcome } from '../../pendingConfirmations.js';
import type { Period } from '../../../domain/quota/periods.js';
import type { CapSource } from '../../../domain/quota/types.js';
import type { AspectRatio, Resolution } from '../../../veo/types.js';
import { credits, dateTime, limitText, relative, thisPeriod } from './format.js';

const periodAdjective: Record<Period, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

const askAgain: Record<AskingCommand, string> = {
  prompt: `Run ${inlineCode('/veo prompt')} again.`,
  story: `Run ${inlineCode('/veo story')} again.`,
  again: 'Press Again on the video to ask once more.',
  remix: 'Press Remix on the video to ask once more.',
  extend: 'Press Extend on the video to ask once more.',
};

/** Prices, the confirmation question, and what a member may still spend. */
export const creditWords = {
  'credits.amount': (p: { credits: number }) => credits(p.credits),
  /** The vendor's prices, e.g. "720p: 10 credits a shot · 1080p: 14 · 4k: 30". */
  'credits.priceList': (p: { prices: readonly { resolution: Resolution; perShot: number }[]; separator: string }) =>
    p.prices.map(({ resolution, perShot }, i) => `${resolution}: ${perShot}${i === 0 ? ' credits a shot' : ''}`).join(p.separator),

  'confirm.title': (p: { cost: number }) => `Make this ${credits(p.cost)} video?`,
  'confirm.field.cost': () => 'Cost',
  'confirm.field.leftAfter': () => 'Left for you after it',
  'confirm.field.video': () => 'Video',
  'confirm.leftAfter': (p: { remaining: number | null }) => limitText(p.remaining),
  'confirm.video': (p: { shots: number; shotSeconds: number; resolution: Resolution; aspect: AspectRatio }) =>
    `${p.shots} × ${p.shotSeconds} s · ${p.resolution} · ${p.aspect}`,
  'confirm.shot': (p: { shot: number; prompt: string }) => `**${p.shot}.** ${p.prompt}`,
  'confirm.footer': () => 'Nothing is reserved until you confirm.',
  'confirm.make': (p: { cost: number }) => `Make it (${credits(p.cost)})`,
  'confirm.cancel': () => 'Cancel',
  'confirm.expires': (p: { at: Date }) => `This question expires ${relative(p.at)}.`,
  /** A press on a question that already ended in this run of the bot: what truly happened to it. */
  'confirm.ended': (p: { outcome: Outcome; command: AskingCommand }) =>
    ({
      confirmed: 'You already answered this question; see the reply below.',
      cancelled: 'You already cancelled this request, so no credits were used.',
      expired: `This question expired, so nothing was reserved. ${askAgain[p.command]}`,
    })[p.outcome],
  /** A press on a question this run of the bot never asked (it restarted since): whether it was confirmed is unknown here. */
  'confirm.closed': () =>
    `This question is no longer open (the bot may have restarted since). If you confirmed it, your video is in ${inlineCode('/veo status')}; ` +
    `if not, run ${inlineCode('/veo prompt')} or ${inlineCode('/veo story')} again.`,
  /** A press on a question closed unanswered because its member asked newer ones (only the newest few stay open). */
  'confirm.replaced': () => 'This question was closed because you asked newer ones since, so nothing was reserved. Answer one of the newer questions.',
  'confirm.cancelled': () => 'Cancelled. No credits were used.',
  'confirm.answered': () => 'Answered; see the reply below.',

  'credits.reservedNote': (p: { cost: number; available: number | null; period: Period; resetsAt: Date }) =>
    `This video costs ${credits(p.cost)}. ` +
    (p.available === null
      ? 'There is no limit on what you can spend here.'
      : `You can spend ${credits(p.available)} more ${thisPeriod(p.period)}; it resets ${relative(p.resetsAt)}.`),

  'credits.title': () => 'Credits',
  'credits.state': (p: { enabled: boolean; paused: boolean; operatorPaused: boolean; available: number | null; period: Period }) =>
    p.operatorPaused
      ? "Video generation is **paused** in every server by the bot's operator."
      : !p.enabled
      ? 'Video generation is off in this server until an admin sets a budget.'
      : p.paused
        ? 'Video generation is **paused** by the admins.'
        : `You can spend **${limitText(p.available)}** ${thisPeriod(p.period)}.`,
  'credits.resets': (p: { period: Period; resetsAt: Date }) =>
    `The ${periodAdjective[p.period]} budget resets ${relative(p.resetsAt)} (${dateTime(p.resetsAt)}).`,
  'credits.field.serverBudget': () => 'Server budget',
  'credits.field.serverUsed': () => 'Server used',
  'credits.field.serverLeft': () => 'Server left',
  'credits.field.ceiling': () => "Operator's ceiling",
  'credits.field.global': () => 'All servers',
  /** One of the operator's limits: what is left of it, and when it resets. */
  'credits.operatorLimit': (p: { amount: number; period: Period; remaining: number; resetsAt: Date }) =>
    `${credits(p.remaining)} left of ${credits(p.amount)} ${thisPeriod(p.period)}; resets ${relative(p.resetsAt)}`,
  'credits.field.yourCap': () => 'Your cap',
  'credits.field.youUsed': () => 'You used',
  'credits.field.youLeft': () => 'You have left',
  'credits.unlimited': () => 'unlimited',
  'credits.limit': (p: { remaining: number | null }) => limitText(p.remaining),
  'credits.cap': (p: { cap: number | null; source: CapSource; roleId: string | null }) => {
    if (p.cap === null) return 'no cap';
    const source = { override: 'set for you', role: `from ${roleMention(p.roleId ?? '0')}`, default: 'server default', none: 'no cap' }[p.source];
    return `${credits(p.cap)} (${source})`;
  },
  'credits.footer': (p: { priceList: string; confirmFrom: number }) => `${p.priceList} · requests from ${credits(p.confirmFrom)} ask to confirm`,
};
