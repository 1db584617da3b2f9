import { assertCredits } from './adminInput.js';
import { binding, smallest } from './limits.js';
import { createQuotaContext, type QuotaDeps } from './quotaContext.js';
import { refusalFor, standingOf, type Standing } from './standing.js';
import type { CheckResult, CreditsSummary, MemberRef, QuotaSettings } from './types.js';

/** What admission and /veo credits read: nothing in here changes credits. */
export interface QuotaChecks {
  /** Whether a request costing `credits` may start now, and what would be left after it. */
  check(member: MemberRef, credits: number): CheckResult;
  summary(member: MemberRef): CreditsSummary;
  /** The server's own settings, or the defaults while its admins changed nothing. */
  settingsOf(guildId: string): QuotaSettings;
}

export function createQuotaChecks(deps: QuotaDeps): QuotaChecks {
  const context = createQuotaContext(deps);
  const { snapshot, clock, settingsOf, rules } = context;

  return {
    settingsOf,

    check(member, credits) {
      assertCredits(credits, 'a cost', 1);
      return snapshot((): CheckResult => {
        const s = standingOf(context, member, clock.now());
        const refusal = refusalFor(context, s, credits);
        if (refusal) return { ok: false, refusal };
        const { budget, confirmThreshold } = s.settings;
        const { cap } = s.cap;
        const left = [budget === null ? null : budget - s.serverUsed, cap === null ? null : cap - s.memberUsed, ...operatorRemainders(s)];
        const remaining = smallest(left);
        return { ok: true, remainingAfter: remaining === null ? null : remaining - credits, needsConfirmation: credits >= confirmThreshold };
      });
    },

    summary(member) {
      return snapshot((): CreditsSummary => {
        const s = standingOf(context, member, clock.now());
        const { budget, period, paused, confirmThreshold } = s.settings;
        const serverRemaining = budget === null ? null : Math.max(0, budget - s.serverUsed);
        const memberRemaining = s.cap.cap === null ? null : Math.max(0, s.cap.cap - s.memberUsed);
        const blocked = paused || budget === 0 || rules.globallyPaused() || !rules.allows(member.guildId);
        const serverLeft = smallest([serverRemaining, s.ceiling?.remaining ?? null]);
        return {
          guildId: member.guildId,
          userId: member.userId,
          period,
          periodKey: s.window.key,
          periodStart: s.window.start,
          resetsAt: s.window.end,
          paused,
          enabled: budget !== 0,
          confirmThreshold,
          server: { budget, used: s.serverUsed, remaining: serverRemaining },
          member: { ...s.cap, used: s.memberUsed, remaining: memberRemaining },
          ceiling: s.ceiling,
          global: binding(s.global, smallest([serverLeft, memberRemaining])),
          operatorPaused: rules.globallyPaused(),
          available: blocked ? 0 : smallest([serverLeft, memberRemaining, s.global?.remaining ?? null]),
        };
      });
    },
  };
}

const operatorRemainders = (s: Pick<Standing, 'ceiling' | 'global'>) => [s.ceiling?.remaining ?? null, s.global?.remaining ?? null];
