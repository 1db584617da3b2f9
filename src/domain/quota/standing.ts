import type { UserFacingError } from '../errors.js';
import { resolveMemberCap } from './memberCap.js';
import { periodWindow, type PeriodWindow } from './periods.js';
import type { QuotaContext } from './quotaContext.js';
import { refusals } from './refusals.js';
import type { LimitStanding, MemberCap, MemberRef, Payer, QuotaSettings } from './types.js';

/** Where a member stands in the current period of their server, and under the operator's limits. */
export interface Standing {
  settings: QuotaSettings;
  window: PeriodWindow;
  serverUsed: number;
  memberUsed: number;
  cap: MemberCap;
  /** The operator's limits; null too for a server paying with its own key (the operator pays nothing of it). */
  ceiling: LimitStanding | null;
  global: LimitStanding | null;
  payer: Payer;
}

export function standingOf({ settingsOf, settingsRepo, ledgerRepo, rules, limitStanding, payerOf }: QuotaContext, member: MemberRef, now: Date): Standing {
  const settings = settingsOf(member.guildId);
  const window = periodWindow(now, settings.period);
  const payer = payerOf(member.guildId);
  const operatorPays = payer === 'operator';
  return {
    settings,
    window,
    payer,
    ceiling: operatorPays ? limitStanding(rules.ceilingOf(member.guildId), now, member.guildId) : null,
    global: operatorPays ? limitStanding(rules.globalBudget(), now) : null,
    // What its own key may have been charged for submits of unknown outcome is the server's to count.
    serverUsed: ledgerRepo.used(member.guildId, window) + ledgerRepo.ownKeyUnknowns(member.guildId, window),
    memberUsed: ledgerRepo.used(member.guildId, window, member.userId),
    cap: resolveMemberCap({
      override: settingsRepo.override(member.guildId, member.userId)?.cap,
      roleAllowances: settingsRepo.roleAllowances(member.guildId, member.roleIds),
      defaultCap: settings.defaultMemberCap,
    }),
  };
}

/** Why a request costing `cost` may not start, in the order a member should hear it; undefined if it may. */
export function refusalFor({ rules }: Pick<QuotaContext, 'rules'>, s: Standing, cost: number): UserFacingError | undefined {
  const { budget, period, paused } = s.settings;
  const resetsAt = s.window.end;
  if (!rules.allows(s.settings.guildId)) return refusals.notEnabled();
  if (rules.globallyPaused()) return refusals.operatorPaused();
  if (budget === 0) return refusals.disabled();
  if (paused) return refusals.paused();
  const { ceiling, global } = s;
  if (ceiling && ceiling.used + cost > ceiling.amount) {
    return refusals.ceilingSpent({ ceiling: ceiling.amount, used: ceiling.used, cost, period: ceiling.period, resetsAt: ceiling.resetsAt });
  }
  if (global && global.used + cost > global.amount) {
    return refusals.globalSpent({ budget: global.amount, used: global.used, cost, period: global.period, resetsAt: global.resetsAt });
  }
  if (budget !== null && s.serverUsed + cost > budget) {
    return refusals.budgetSpent({ budget, used: s.serverUsed, cost, period, resetsAt });
  }
  const { cap } = s.cap;
  if (cap !== null && s.memberUsed + cost > cap) {
    return refusals.memberCap({ cap, used: s.memberUsed, cost, period, resetsAt });
  }
  return undefined;
}
