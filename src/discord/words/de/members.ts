import { messageLink, userMention } from 'discord.js';
import type { memberWords as english } from '../en/members.js';
import type { MemberRefusalWords } from '../refusalMessages.js';
import type { Words } from '../words.js';
import { number, plural, relative } from './format.js';

const requests = (n: number) => `${number(n)} ${plural(n, { one: 'Anfrage', other: 'Anfragen' })}`;
const firstRequest = (p: { id: number; guildId: string; channelId: string; messageId: string | null }) =>
  p.messageId === null ? `#${number(p.id)} (\`/veo status id:${p.id}\`)` : `#${number(p.id)} (${messageLink(p.channelId, p.messageId, p.guildId)})`;

export const memberRefusals: MemberRefusalWords = {
  member_active_limit: ({ active, limit }) =>
    `Sie haben ${requests(active)} in diesem Server, die warten oder erstellt werden; ${number(limit)} gleichzeitig ist das Limit. ` +
    'Warten Sie, bis eine fertig ist, oder brechen Sie eine wartende mit ihrer Schaltfläche „Abbrechen“ ab; nichts wurde berechnet.',
  duplicate_request: (p) => `Sie haben gerade eben dasselbe Video angefragt: ${firstRequest(p)}. Nichts wurde doppelt berechnet.`,
  member_cooldown: ({ until, failures }) =>
    `Der Videodienst hat ${requests(failures)} von Ihnen innerhalb einer Stunde abgelehnt oder nicht erstellen können; Ihre neuen Anfragen in diesem Server warten daher bis ${relative(until)}. Nichts wurde berechnet.`,
  withdraw_not_allowed: ({ id }) => `Nur das Mitglied, das Video #${number(id)} angefragt hat, oder jemand mit „Nachrichten verwalten“ kann es abbrechen.`,
  withdraw_too_late: ({ id, sent }) =>
    sent
      ? `Video #${number(id)} wurde bereits an den Videodienst gesendet, der ein begonnenes Video nicht anhalten kann; nichts wurde abgebrochen.`
      : `Video #${number(id)} wartet nicht mehr; nichts wurde abgebrochen.`,
  withdraw_already: ({ id, by }) => (by === null ? `Video #${number(id)} wurde bereits abgebrochen.` : `Video #${number(id)} wurde bereits von ${userMention(by)} abgebrochen.`),
  invalid_member_limit: ({ min, max }) => `Das Mitgliederlimit muss eine ganze Zahl von ${number(min)} (kein Limit) bis ${number(max)} sein.`,
};

export const memberWords = {
  'members.cancel': () => 'Abbrechen',
  'members.cancelledNote': (p) => `Von ${userMention(p.by)} abgebrochen, bevor es gesendet wurde. Die Credits wurden zurückgegeben.`,
  'members.waitingHeading': (p) => `Wartend (${number(p.count)})`,
  'members.recentHeading': () => 'Zuletzt',
  'members.waitingEntry': (p) => (p.place === null ? `**#${number(p.id)}** wartet auf seinen Platz` : `**#${number(p.id)}** wartet · Platz ${number(p.place)}`),
  'members.field.activeLimit': () => 'Aktive Anfragen pro Mitglied',
  'members.activeLimit': (p) => `${p.limit === 0 ? 'kein Limit' : `höchstens ${number(p.limit)}`}${p.setHere ? '' : ' (Standard des Bots)'}`,
  'members.field.waiting': () => 'Wartend in diesem Server',
  'members.waiting': (p) => requests(p.count),
  'members.field.cooldowns': () => 'Mitglieder mit Sperrzeit',
  'members.cooldown': (p) => `${userMention(p.userId)} bis ${relative(p.until)}`,
  'members.activeLimitSet': (p) =>
    p.limit === 0
      ? 'Mitglieder dürfen in diesem Server jetzt beliebig viele Anfragen gleichzeitig wartend oder in Arbeit haben.'
      : `Jedes Mitglied darf in diesem Server jetzt höchstens ${requests(p.limit)} gleichzeitig wartend oder in Arbeit haben.`,
  'members.cooldownCleared': (p) =>
    p.until === null
      ? `${userMention(p.userId)} hatte keine Sperrzeit; die bisherigen Fehlschläge zählen nicht mehr dafür.`
      : `Die Sperrzeit von ${userMention(p.userId)} ist aufgehoben (sie lief bis ${relative(p.until)}); die bisherigen Fehlschläge zählen nicht mehr.`,
  'admin.memberLimit.description': () => 'Wie viele Anfragen jedes Mitglied gleichzeitig wartend oder in Arbeit haben darf',
  'admin.memberLimit.amount': () => 'Anfragen gleichzeitig pro Mitglied; 0 = kein Limit',
  'admin.cooldownClear.description': () => 'Die Sperrzeit eines Mitglieds nach Ablehnungen durch den Videodienst aufheben',
  'admin.cooldownClear.member': () => 'Das Mitglied, dessen Sperrzeit jetzt endet',
} satisfies Words<typeof english>;
