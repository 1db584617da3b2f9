import type { MemberCap } from './types.js';

/**
 * A personal override wins; else the largest allowance among the member's roles (which may be
 * lower than the server default: a role can restrict as well as widen); else the server default.
 */
export function resolveMemberCap(input: {
  override: number | undefined;
  roleAllowances: readonly { roleId: string; allowance: number }[];
  defaultCap: number | null;
}): MemberCap {
  if (input.override !== undefined) return { cap: input.override, source: 'override', roleId: null };
  let best: { roleId: string; allowance: number } | undefined;
  for (const role of input.roleAllowances) if (!best || role.allowance > best.allowance) best = role;
  if (best) return { cap: best.allowance, source: 'role', roleId: best.roleId };
  if (input.defaultCap !== null) return { cap: input.defaultCap, source: 'default', roleId: null };
  return { cap: null, source: 'none', roleId: null };
}
