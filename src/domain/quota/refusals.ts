import { UserFacingError } from '../errors.js';
import { discordTime, thisPeriod, type Period } from './periods.js';

/** Why a cost does not fit, in words a member can act on. Times use Discord timestamp markup. */
export const refusals = {
  disabled: () =>
    new UserFacingError(
      'quota_disabled',
      "Video generation isn't turned on for this server yet: its budget is 0 credits. A server admin can set a budget to turn it on.",
    ),

  paused: () =>
    new UserFacingError(
      'quota_paused',
      "Video generation is paused by this server's admins. Ask them to resume it; no credits were used.",
    ),

  budgetSpent: (p: { budget: number; used: number; cost: number; period: Period; resetsAt: Date }) => {
    const resets = `It resets ${discordTime(p.resetsAt)}.`;
    if (p.used >= p.budget) {
      return new UserFacingError(
        'quota_budget_spent',
        `This server's video budget is spent: ${p.used} of ${p.budget} credits used ${thisPeriod(p.period)}. ${resets}`,
      );
    }
    return new UserFacingError(
      'quota_budget_spent',
      `This video costs ${p.cost} credits but only ${p.budget - p.used} of this server's ${p.budget} are left ${thisPeriod(p.period)}. ` +
        `A shorter or lower-resolution video may fit; the budget resets ${discordTime(p.resetsAt)}.`,
    );
  },

  memberCap: (p: { cap: number; used: number; cost: number; period: Period; resetsAt: Date }) => {
    if (p.cap === 0) {
      return new UserFacingError(
        'quota_member_cap',
        "You have no video allowance on this server. Ask a server admin if you think you should.",
      );
    }
    return new UserFacingError(
      'quota_member_cap',
      `Your cap is ${p.cap} credits ${thisPeriod(p.period)} and you have used ${p.used}; this video costs ${p.cost}. ` +
        `It resets ${discordTime(p.resetsAt)}.`,
    );
  },

  invalid: (message: string) => new UserFacingError('quota_invalid_input', message),
};
