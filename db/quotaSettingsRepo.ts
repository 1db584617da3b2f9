import { and, desc, eq, inArray } from 'drizzle-orm';
import type { MemberOverride, QuotaSettings, RoleAllowance } from '../src/domain/quota/types.js';
import type { Db } from './client.js';
import { guildQuotaSettings, memberQuotaOverrides, roleQuotaAllowances } from './schema/index.js';

export type QuotaSettingsRepo = ReturnType<typeof createQuotaSettingsRepo>;

/** What a server's admins set: the server's settings, member overrides and role allowances. */
export function createQuotaSettingsRepo(db: Db) {
  return {
    settings(guildId: string): QuotaSettings | undefined {
      return db.select().from(guildQuotaSettings).where(eq(guildQuotaSettings.guildId, guildId)).get();
    },

    saveSettings(settings: QuotaSettings & { updatedBy: string; updatedAt: Date }): void {
      const { guildId, ...values } = settings;
      db.insert(guildQuotaSettings)
        .values(settings)
        .onConflictDoUpdate({ target: guildQuotaSettings.guildId, set: values })
        .run();
    },

    override(guildId: string, userId: string): MemberOverride | undefined {
      return db
        .select({ userId: memberQuotaOverrides.userId, cap: memberQuotaOverrides.cap, updatedBy: memberQuotaOverrides.updatedBy, updatedAt: memberQuotaOverrides.updatedAt })
        .from(memberQuotaOverrides)
        .where(and(eq(memberQuotaOverrides.guildId, guildId), eq(memberQuotaOverrides.userId, userId)))
        .get();
    },

    overrides(guildId: string): MemberOverride[] {
      return db
        .select({ userId: memberQuotaOverrides.userId, cap: memberQuotaOverrides.cap, updatedBy: memberQuotaOverrides.updatedBy, updatedAt: memberQuotaOverrides.updatedAt })
        .from(memberQuotaOverrides)
        .where(eq(memberQuotaOverrides.guildId, guildId))
        .orderBy(memberQuotaOverrides.userId)
        .all();
    },

    setOverride(guildId: string, override: MemberOverride): void {
      const { userId, ...values } = override;
      db.insert(memberQuotaOverrides)
        .values({ guildId, ...override })
        .onConflictDoUpdate({ target: [memberQuotaOverrides.guildId, memberQuotaOverrides.userId], set: values })
        .run();
    },

    removeOverride(guildId: string, userId: string): void {
      db.delete(memberQuotaOverrides)
        .where(and(eq(memberQuotaOverrides.guildId, guildId), eq(memberQuotaOverrides.userId, userId)))
        .run();
    },

    /** The server's role allowances, or only those of `roleIds` when given. */
    roleAllowances(guildId: string, roleIds?: readonly string[]): RoleAllowance[] {
      if (roleIds?.length === 0) return [];
      return db
        .select({ roleId: roleQuotaAllowances.roleId, allowance: roleQuotaAllowances.allowance, updatedBy: roleQuotaAllowances.updatedBy, updatedAt: roleQuotaAllowances.updatedAt })
        .from(roleQuotaAllowances)
        .where(
          and(
            eq(roleQuotaAllowances.guildId, guildId),
            roleIds ? inArray(roleQuotaAllowances.roleId, [...roleIds]) : undefined,
          ),
        )
        .orderBy(desc(roleQuotaAllowances.allowance), roleQuotaAllowances.roleId)
        .all();
    },

    setRoleAllowance(guildId: string, allowance: RoleAllowance): void {
      const { roleId, ...values } = allowance;
      db.insert(roleQuotaAllowances)
        .values({ guildId, ...allowance })
        .onConflictDoUpdate({ target: [roleQuotaAllowances.guildId, roleQuotaAllowances.roleId], set: values })
        .run();
    },

    removeRoleAllowance(guildId: string, roleId: string): void {
      db.delete(roleQuotaAllowances)
        .where(and(eq(roleQuotaAllowances.guildId, guildId), eq(roleQuotaAllowances.roleId, roleId)))
        .run();
    },
  };
}
