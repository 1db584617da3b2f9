import { Routes, Team, TeamMemberMembershipState, TeamMemberRole, type Client, type REST } from 'discord.js';
import type { OperatorAlert } from '../domain/ports.js';
import type { Logger } from '../log.js';
import { openDirectMessage } from './directMessages.js';
import { noPings } from './replies.js';
import { t } from './words/catalogue.js';
import { fallbackLocale } from './words/locale.js';

/** Who pays the vendor account, so who rules over every server. */
export interface Operators {
  has(userId: string): boolean;
  ids(): readonly string[];
}

/** OPERATOR_USER_IDS at once; the application's owners once `load` read them from Discord at start. */
export function createOperators(extraIds: readonly string[]): Operators & { load(client: Client<true>, log: Logger): Promise<void> } {
  let ids = [...extraIds];
  return {
    has: (userId) => ids.includes(userId),
    ids: () => ids,
    async load(client, log) {
      ids = [...new Set([...(await ownersOf(client)), ...extraIds])];
      log.info({ operators: ids }, 'operators known');
    },
  };
}

/**
 * The application's owner, or for a team its owner and the accepted members with the Admin role
 * (Discord's own rule for who may manage the app).
 */
async function ownersOf(client: Client<true>): Promise<string[]> {
  const application = await client.application.fetch();
  const owner = application.owner;
  return owner instanceof Team
      ? [
          ...(owner.ownerId ? [owner.ownerId] : []),
          ...owner.members
            .filter((m) => m.role === TeamMemberRole.Admin && m.membershipState === TeamMemberMembershipState.Accepted)
            .map((m) => m.id),
        ]
    : owner
      ? [owner.id]
      : [];
}

/** The DM's words; with several keys, which key it is about and that the others go on. */
function alertText(alert: OperatorAlert): string {
  const key = alert.keyFingerprint === undefined ? undefined : { keyFingerprint: alert.keyFingerprint, otherKeys: alert.otherKeys ?? 0 };
  if (alert.kind === 'account_empty') {
    const amounts = { requiredCredits: alert.requiredCredits ?? null, waitingCredits: alert.waitingCredits };
    return key ? t(fallbackLocale, 'operator.keys.accountEmptyDm', { ...key, ...amounts }) : t(fallbackLocale, 'operator.accountEmptyDm', amounts);
  }
  return key ? t(fallbackLocale, 'operator.keys.unknownOutcomesDm', { ...key, count: alert.count }) : t(fallbackLocale, 'operator.unknownOutcomesDm', { count: alert.count });
}

/**
 * Tells every operator, by DM, that the vendor account is empty or the key paused after unknown
 * outcomes. Fire and forget: the queue waits either way, and a DM Discord refuses is logged, never
 * retried into a flood. Alerts raised before the bot is logged in and knows its operators (the
 * recovery at start can pause the key) wait for `ready()`.
 */
export function createOperatorAlerts({ rest, operators, log }: { rest: REST; operators: Operators; log: Logger }) {
  let held: OperatorAlert[] | undefined = [];

  function send(alert: OperatorAlert): void {
    const content = alertText(alert);
    for (const userId of operators.ids()) {
      void (async () => {
        const channelId = await openDirectMessage(rest, userId);
        await rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: noPings } });
      })().catch((error: unknown) => log.warn({ userId, alert: alert.kind, err: error }, 'could not DM the operator'));
    }
  }

  return {
    alert(alert: OperatorAlert): void {
      if (held) held.push(alert);
      else send(alert);
    },
    /** Logged in, operators known: the alerts held until now go out. */
    ready(): void {
      const waiting = held ?? [];
      held = undefined;
      waiting.forEach(send);
    },
  };
}
