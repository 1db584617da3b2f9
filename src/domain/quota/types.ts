import type { UserFacingError } from '../errors.js';
import type { Period } from './periods.js';

export type { Period } from './periods.js';

/** Who asks: enough to check a server budget and a member's cap. */
export interface MemberRef {
  guildId: string;
  userId: string;
  roleIds: readonly string[];
}

/** The operator's settings for a server whose admins changed nothing yet. */
export interface QuotaDefaults {
  /** Credits per period; null = unlimited, 0 = generation off until an admin sets a budget. */
  budget: number | null;
  period: Period;
  /** null = no member cap: only the server budget limits members. */
  memberCap: number | null;
  confirmThreshold: number;
}

export interface QuotaSettings {
  guildId: string;
  budget: number | null;
  period: Period;
  defaultMemberCap: number | null;
  confirmThreshold: number;
  paused: boolean;
  /** Who last changed the settings and when; null while the server runs on the defaults. */
  updatedBy: string | null;
  updatedAt: Date | null;
}

export interface RoleAllowance {
  roleId: string;
  allowance: number;
  updatedBy: string;
  updatedAt: Date;
}

export interface MemberOverride {
  userId: string;
  cap: number;
  updatedBy: string;
  updatedAt: Date;
}

/** The kinds of row a server's and a member's usage sum. */
export type UsageKind = 'reserve' | 'settle' | 'refund' | 'release' | 'adjust';
/**
 * `unknown`: what a submit of unknown outcome may have cost; `unpolled`: what was refunded for a
 * generation no configured key can poll any more, yet the vendor charged. The operator's limits
 * count both, usage does not.
 */
export type LedgerKind = UsageKind | 'unknown' | 'unpolled';

/** One ledger row; `credits` is its signed effect on usage (see db/schema/quota.ts). */
export interface LedgerEntry {
  id: number;
  guildId: string;
  userId: string;
  generationId: number | null;
  kind: LedgerKind;
  credits: number;
  periodKey: string;
  countsAt: Date;
  reason: string | null;
  actorId: string | null;
  createdAt: Date;
  /** Whose vendor account pays: the operator's, or the server's own key. The operator's limits and totals count only the operator's. */
  payer: Payer;
}

/** Whose vendor account pays for a server's videos. */
export type Payer = 'operator' | 'server';

/** A new row; `payer` defaults to the operator. */
export type NewLedgerEntry = Omit<LedgerEntry, 'id' | 'payer'> & { payer?: Payer };

/** Where a member's cap comes from. */
export type CapSource = 'override' | 'role' | 'default' | 'none';

export interface MemberCap {
  cap: number | null;
  source: CapSource;
  /** The role whose allowance applies, when source is 'role'. */
  roleId: string | null;
}

/** Where the servers stand under one of the operator's limits (a ceiling, the global budget). */
export interface LimitStanding {
  amount: number;
  period: Period;
  /** What the vendor charged in the limit's period. */
  used: number;
  remaining: number;
  resetsAt: Date;
}

export interface CreditsSummary {
  guildId: string;
  userId: string;
  period: Period;
  periodKey: string;
  periodStart: Date;
  resetsAt: Date;
  paused: boolean;
  /** False while the budget is 0. */
  enabled: boolean;
  confirmThreshold: number;
  server: { budget: number | null; used: number; remaining: number | null };
  member: MemberCap & { used: number; remaining: number | null };
  /** The operator's ceiling over the server's spending; null = none. */
  ceiling: LimitStanding | null;
  /** The operator's budget for all servers, only when it is what binds; else null. */
  global: LimitStanding | null;
  /** The operator stopped new videos everywhere. */
  operatorPaused: boolean;
  /** What this member can spend right now: the smallest of every remainder; null = unlimited. */
  available: number | null;
}

/** Usage of one period split the way the invariant reads: used = settled − refunded + open + adjusted. */
export interface UsageBreakdown {
  /** What the API charged for generations settled (reserve + settle rows). */
  settled: number;
  /** Credits given back for failed shots (a positive number). */
  refunded: number;
  /** Reservations neither settled nor released yet. */
  open: number;
  /** Net admin adjustments: taken minus given back. */
  adjusted: number;
}

export interface UsageReport {
  guildId: string;
  period: Period;
  periodKey: string;
  periodStart: Date;
  resetsAt: Date;
  budget: number | null;
  used: number;
  breakdown: UsageBreakdown;
  /** Raw SUM(credits) of the period's rows by kind. */
  byKind: Record<UsageKind, number>;
  generations: number;
  refunds: number;
  /** Generations the API rejected (or whose outcome was unknown): released uncharged. */
  releases: number;
  topMembers: { userId: string; used: number }[];
}

export type CheckResult =
  | { ok: true; remainingAfter: number | null; needsConfirmation: boolean }
  | { ok: false; refusal: UserFacingError };
