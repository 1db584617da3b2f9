import type { ModerationRepo } from '../../../db/moderationRepo.js';
import type { Clock } from '../ports.js';
import type { ChannelProblem } from './moderationPorts.js';

/** What `/veo-admin settings` shows of moderation. */
export interface ModerationView {
  approval: { channelId: string; roleId: string | null } | null;
  logChannelId: string | null;
  approvalProblem: ChannelProblem | null;
  logProblem: ChannelProblem | null;
}

/** Who pressed or asked: a moderator holds the approval role, or Manage Messages or Manage Server. */
export interface ModeratorRef {
  guildId: string;
  userId: string;
  roleIds: readonly string[];
  /** Manage Messages or Manage Server, as Discord says at the time. */
  managesMessages: boolean;
}

export type ModerationSettings = ReturnType<typeof createModerationSettings>;

/** A server's approval and log settings, as its admins set them. */
export function createModerationSettings({ repo, clock }: { repo: ModerationRepo; clock: Clock }) {
  const change = (adminId: string) => ({ updatedBy: adminId, updatedAt: clock.now() });
  return {
    view(guildId: string): ModerationView {
      const row = repo.settings(guildId);
      return {
        approval: row?.approvalChannelId ? { channelId: row.approvalChannelId, roleId: row.approvalRoleId } : null,
        logChannelId: row?.logChannelId ?? null,
        approvalProblem: row?.approvalChannelId ? row.approvalProblem : null,
        logProblem: row?.logChannelId ? row.logProblem : null,
      };
    },
    /** Members' requests wait for a moderator in `channelId` from now on. */
    approvalOn(guildId: string, channelId: string, roleId: string | null, adminId: string): void {
      repo.saveSettings(guildId, { approvalChannelId: channelId, approvalRoleId: roleId, approvalProblem: null, ...change(adminId) });
    },
    /** New requests no longer wait; those waiting stay, and the role still lets its holders decide them. */
    approvalOff(guildId: string, adminId: string): boolean {
      if (!repo.settings(guildId)?.approvalChannelId) return false;
      repo.saveSettings(guildId, { approvalChannelId: null, approvalProblem: null, ...change(adminId) });
      return true;
    },
    /** Requests made from now on are logged in `channelId` once final. */
    logOn(guildId: string, channelId: string, adminId: string): void {
      const since = repo.settings(guildId)?.logChannelId ? {} : { logSince: clock.now() };
      repo.saveSettings(guildId, { logChannelId: channelId, logProblem: null, ...since, ...change(adminId) });
    },
    logOff(guildId: string, adminId: string): boolean {
      if (!repo.settings(guildId)?.logChannelId) return false;
      repo.saveSettings(guildId, { logChannelId: null, logSince: null, logProblem: null, ...change(adminId) });
      return true;
    },
    /** Whether this member moderates the server's requests. */
    isModerator(moderator: ModeratorRef): boolean {
      if (moderator.managesMessages) return true;
      const roleId = repo.settings(moderator.guildId)?.approvalRoleId;
      return Boolean(roleId && moderator.roleIds.includes(roleId));
    },
  };
}
