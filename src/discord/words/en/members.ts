import { messageLink, userMention } from 'discord.js';
import type { MemberRefusalWords } from '../refusalMessages.js';
import { number, plural, relative } from './format.js';

const requests = (n: number) => `${number(n)} ${plural(n, { one: 'request', other: 'requests' })}`;

/** Where the first of two same requests is: a link to its reply when known, else its number for /veo status. */
export const firstRequest = (p: { id: number; guildId: string; channelId: string; messageId: string | null }) =>
  p.messageId === null ? `#${number(p.id)} (\`/veo status id:${p.id}\`)` : `#${number(p.id)} (${messageLink(p.channelId, p.messageId, p.guildId)})`;

/** The member rules' refusals: one sentence each, nothing charged. */
export const memberRefusals: MemberRefusalWords = {
  member_active_limit: ({ active, limit }) =>
    `You have ${requests(active)} waiting or being made in this server, and ${number(limit)} at once is the limit. ` +
    'Wait for one to finish, or cancel a waiting one with its Cancel button; nothing was charged.',
  duplicate_request: (p) => `You asked for this same video a moment ago: ${firstRequest(p)}. Nothing was charged twice.`,
  member_cooldown: ({ until, failures }) =>
    `The video service refused or could not make ${requests(failures)} of yours within an hour, so your new requests in this server wait until ${relative(until)}. Nothing was charged.`,
  withdraw_not_allowed: ({ id }) => `Only the member who asked for video #${number(id)}, or someone with Manage Messages, can cancel it.`,
  withdraw_too_late: ({ id, sent }) =>
    sent
      ? `Video #${number(id)} was already sent to the video service, which cannot stop a started video; nothing was cancelled.`
      : `Video #${number(id)} is no longer waiting; nothing was cancelled.`,
  withdraw_already: ({ id, by }) => (by === null ? `Video #${number(id)} was already cancelled.` : `Video #${number(id)} was already cancelled by ${userMention(by)}.`),
  invalid_member_limit: ({ min, max }) => `The member limit must be a whole number from ${number(min)} (no limit) to ${number(max)}.`,
};

/** The member rules: the Cancel button, waiting requests in /veo status, and the admins' settings. */
export const memberWords = {
  'members.cancel': () => 'Cancel',
  'members.cancelledNote': (p: { by: string }) => `Cancelled by ${userMention(p.by)} before it was sent. Its credits were given back.`,
  'members.waitingHeading': (p: { count: number }) => `Waiting (${number(p.count)})`,
  'members.recentHeading': () => 'Recent',
  'members.waitingEntry': (p: { id: number; place: number | null }) =>
    p.place === null ? `**#${number(p.id)}** waiting for its place` : `**#${number(p.id)}** waiting · place ${number(p.place)}`,
  'members.field.activeLimit': () => 'Active requests per member',
  'members.activeLimit': (p: { limit: number; setHere: boolean }) =>
    `${p.limit === 0 ? 'no limit' : `at most ${number(p.limit)}`}${p.setHere ? '' : ' (the bot’s default)'}`,
  'members.field.waiting': () => 'Waiting in this server',
  'members.waiting': (p: { count: number }) => requests(p.count),
  'members.field.cooldowns': () => 'Members in a cooldown',
  'members.cooldown': (p: { userId: string; until: Date }) => `${userMention(p.userId)} until ${relative(p.until)}`,
  'members.activeLimitSet': (p: { limit: number }) =>
    p.limit === 0
      ? 'Members may now have any number of requests waiting or being made at once in this server.'
      : `Each member may now have at most ${requests(p.limit)} waiting or being made at once in this server.`,
  'members.cooldownCleared': (p: { userId: string; until: Date | null }) =>
    p.until === null
      ? `${userMention(p.userId)} was not in a cooldown; their failures so far no longer count towards one.`
      : `Lifted ${userMention(p.userId)}’s cooldown (it ran until ${relative(p.until)}); their failures so far no longer count.`,
  'admin.memberLimit.description': () => 'How many requests each member may have waiting or being made at once',
  'admin.memberLimit.amount': () => 'Requests at once per member; 0 = no limit',
  'admin.cooldownClear.description': () => 'Lift a member’s cooldown after refusals by the video service',
  'admin.cooldownClear.member': () => 'The member whose cooldown ends now',
};
