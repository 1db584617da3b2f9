import { UserFacingError } from '../errors.js';
import type { Period } from './periods.js';

/** Why a cost does not fit: which rule, with the numbers and when it resets. */
export const refusals = {
  disabled: () => new UserFacingError('quota_disabled'),
  paused: () => new UserFacingError('quota_paused'),
  notEnabled: () => new UserFacingError('guild_not_enabled'),
  operatorPaused: () => new UserFacingError('operator_paused'),
  ceilingSpent: (details: { ceiling: number; used: number; cost: number; period: Period; resetsAt: Date }) =>
    new UserFacingError('quota_ceiling_spent', details),
  globalSpent: (details: { budget: number; used: number; cost: number; period: Period; resetsAt: Date }) =>
    new UserFacingError('quota_global_spent', details),
  budgetSpent: (details: { budget: number; used: number; cost: number; period: Period; resetsAt: Date }) =>
    new UserFacingError('quota_budget_spent', details),
  memberCap: (details: { cap: number; used: number; cost: number; period: Period; resetsAt: Date }) =>
    new UserFacingError('quota_member_cap', details),
};
