import type { GenerationRepo } from '../../../db/generationRepo.js';
import type { MemberRepo } from '../../../db/memberRepo.js';
import type { Transaction } from '../../../db/repos.js';
import { refuse } from '../errors.js';
import type { Generation, Origin } from '../generation.js';
import type { Clock } from '../ports.js';
import type { VideoRequest } from '../videoRequest.js';
import { COOLDOWN_LOOKBACK_MS, cooldownsAt, type Cooldown } from './cooldowns.js';
import { activeStates } from '../generation.js';
import { MAX_ACTIVE_LIMIT, type MemberPolicy } from './memberPolicy.js';
import { requestKeyOf } from './requestKey.js';
import { countsAgainstMember } from './requestOutcomes.js';

export interface MemberRulesDeps {
  repo: MemberRepo;
  generations: Pick<GenerationRepo, 'get'>;
  transaction: Transaction;
  snapshot: Transaction;
  clock: Clock;
  policy: MemberPolicy;
}

/** Who asks for what, as the member rules read it. */
export interface MemberAsk {
  origin: Pick<Origin, 'guildId' | 'userId'>;
  request: VideoRequest;
}

/** What `/veo-admin settings` shows of the member rules. */
export interface MemberRulesView {
  /** 0 = no limit. */
  activeLimit: number;
  /** Whether the server's admins set the limit, or it is the operator's default. */
  limitSetHere: boolean;
  /** Requests waiting in the server's queue. */
  waiting: number;
  cooldowns: Cooldown[];
}

export type MemberRules = ReturnType<typeof createMemberRules>;

/**
 * The rules each member's requests meet before anything is reserved: no double press, no cooldown
 * after refusals at the vendor, no more than the limit active at once. Checked when asking and
 * again, atomically with the reservation, when the request is stored; a refusal changes nothing.
 */
export function createMemberRules({ repo, generations, transaction, snapshot, clock, policy }: MemberRulesDeps) {
  const activeLimitOf = (guildId: string) => repo.activeLimit(guildId) ?? policy.activeLimit;

  /** The server's members in a cooldown; given a member, only whether they are (read first from their own requests alone). */
  function cooldowns(guildId: string, now: Date, userId?: string): Cooldown[] {
    if (policy.failureLimit <= 0) return [];
    const from = new Date(now.getTime() - COOLDOWN_LOOKBACK_MS);
    // Every server's requests are read only for a member with enough failures to need the spell checked.
    if (userId !== undefined && repo.endedBetween(from, now, { guildId, userId }).filter(countsAgainstMember).length < policy.failureLimit) return [];
    const ended = repo.endedBetween(from, now);
    return cooldownsAt({ guildId, ended, clears: repo.cooldownClears(guildId), limit: policy.failureLimit, now });
  }

  /** Throws the first rule the request breaks; reads only. */
  function check({ origin: { guildId, userId }, request }: MemberAsk): void {
    const now = clock.now();
    if (policy.duplicateWindowMs > 0) {
      // Only one still active is a double charge: one that ended (failed, cancelled, or even done) may be asked for again.
      const first = repo.sameRequestSince(guildId, userId, requestKeyOf(request), new Date(now.getTime() - policy.duplicateWindowMs), activeStates);
      if (first) refuse('duplicate_request', { id: first.id, guildId, channelId: first.channelId, messageId: first.replyMessageId });
    }
    const cooldown = cooldowns(guildId, now, userId).find((c) => c.userId === userId);
    if (cooldown) refuse('member_cooldown', { until: cooldown.until, failures: cooldown.failures });
    const limit = activeLimitOf(guildId);
    if (limit > 0) {
      const active = repo.countInStates(guildId, userId, activeStates);
      if (active >= limit) refuse('member_active_limit', { active, limit });
    }
  }

  return {
    check: (ask: MemberAsk) => snapshot(() => check(ask)),

    /**
     * Checks the rules and stores the request with `create` in one transaction, with its key: two
     * presses at once cannot both pass, and a refusal stores and reserves nothing.
     */
    admitting(ask: MemberAsk, create: () => Generation): Generation {
      return transaction(() => {
        check(ask);
        const generation = create();
        repo.setRequestKey(generation.id, requestKeyOf(ask.request));
        return generation;
      });
    },

    /** The member's waiting requests in the server, first in line first. */
    waitingFor(guildId: string, userId: string): Generation[] {
      return snapshot(() => repo.waitingIds(guildId, userId).flatMap((id) => generations.get(id) ?? []));
    },

    view(guildId: string): MemberRulesView {
      return snapshot(() => ({
        activeLimit: activeLimitOf(guildId),
        limitSetHere: repo.activeLimit(guildId) !== undefined,
        waiting: repo.waitingInGuild(guildId),
        cooldowns: cooldowns(guildId, clock.now()),
      }));
    },

    /** `/veo-admin member-limit`: 0 = no limit. */
    setActiveLimit(guildId: string, amount: number, adminId: string): number {
      if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_ACTIVE_LIMIT) refuse('invalid_member_limit', { min: 0, max: MAX_ACTIVE_LIMIT });
      repo.setActiveLimit(guildId, amount, adminId, clock.now());
      return amount;
    },

    /** `/veo-admin cooldown-clear`: lifts the member's cooldown; returns the one lifted, if any. */
    clearCooldown(guildId: string, userId: string, adminId: string): Cooldown | undefined {
      return transaction(() => {
        const now = clock.now();
        const lifted = cooldowns(guildId, now, userId).find((c) => c.userId === userId);
        repo.clearCooldown(guildId, userId, adminId, now);
        return lifted;
      });
    },
  };
}
