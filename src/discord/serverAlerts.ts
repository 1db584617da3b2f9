import { Routes, type REST } from 'discord.js';
import type { ServerAlert } from '../domain/ports.js';
import type { Logger } from '../log.js';
import { openDirectMessage } from './directMessages.js';
import { noPings } from './replies.js';
import { t } from './words/catalogue.js';
import { localeOf } from './words/locale.js';

/** What the alert needs to know of a server: who owns it, its name and language (discord.js's guild cache has them). */
export interface AlertedGuild {
  ownerId: string;
  name: string;
  preferredLocale: string;
}

export interface ServerAlertsDeps {
  rest: REST;
  guildOf(guildId: string): AlertedGuild | undefined;
  /** Where a server's moderators read the bot's notes (its log channel), when its admins set one; without it, a closed DM is only logged. */
  logChannelOf?: (guildId: string) => string | undefined;
  log: Logger;
}

/**
 * Tells a server's owner (not the operator) that the server's own key's account is empty or that
 * the vendor refuses the key: one DM in the server's language, or, with the owner's DMs closed,
 * a post in the server's log channel when one is set. Fire and forget: a refusal is logged.
 */
export function createServerAlerts({ rest, guildOf, logChannelOf, log }: ServerAlertsDeps) {
  async function send(alert: ServerAlert): Promise<void> {
    const guild = guildOf(alert.guildId);
    if (!guild) {
      log.warn({ guildId: alert.guildId, alert: alert.kind }, "could not tell a server's owner about its key: the server is not known");
      return;
    }
    const params = { name: guild.name, guildId: alert.guildId };
    const content = t(localeOf(guild.preferredLocale), alert.kind === 'account_empty' ? 'serverKeys.alert.accountEmpty' : 'serverKeys.alert.keyRefused', params);
    const post = (channelId: string) => rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: noPings } });
    try {
      await post(await openDirectMessage(rest, guild.ownerId));
    } catch (error) {
      const logChannel = logChannelOf?.(alert.guildId);
      if (!logChannel) {
        log.warn({ guildId: alert.guildId, alert: alert.kind, err: error }, "could not DM the server's owner about its key, and the server has no log channel");
        return;
      }
      await post(logChannel).catch((postError: unknown) =>
        log.warn({ guildId: alert.guildId, alert: alert.kind, err: postError }, "could not post in the server's log channel about its key"),
      );
    }
  }

  return {
    alert(alert: ServerAlert): void {
      void send(alert);
    },
  };
}
