import { channelMention, hyperlink, roleMention, userMention } from 'discord.js';
import type { ApprovalState } from '../../../domain/generation.js';
import type { ChannelProblem } from '../../../domain/moderation/moderationPorts.js';
import type { LogOutcome } from '../../../domain/moderation/logOutcome.js';
import { number, plural, relative } from './format.js';

const approvalTitles: Record<ApprovalState, string> = {
  waiting: '🛡️ A video request waits for approval',
  approved: '✅ Video request approved',
  denied: '🚫 Video request denied',
  expired: '⌛ Video request expired: nobody decided in time',
  cancelled: '↩️ Video request cancelled by its member',
  unreachable: '⚠️ Video request released: this channel could not be used',
};

const outcomes: Record<LogOutcome, string> = {
  completed: '✅ made',
  partial: '⚠️ partly made',
  failed: '❌ failed',
  denied: '🚫 denied by a moderator',
  expired: '⌛ expired before approval',
  cancelled: '↩️ cancelled by its member',
};

const problems: Record<ChannelProblem, string> = {
  channel_gone: 'the channel is gone',
  no_permission: 'the bot may not see or post in it (View Channel, Send Messages, Embed Links)',
};

/** Moderator approval, the moderators' log, and their settings. */
export const moderationWords = {
  'approval.title': (p: { state: ApprovalState }) => approvalTitles[p.state],
  'approval.lead': (p: { userId: string; channelId: string }) => `${userMention(p.userId)} asked for a video in ${channelMention(p.channelId)}.`,
  'approval.field.cost': () => 'Cost',
  'approval.field.video': () => 'Video',
  'approval.field.images': () => 'Images',
  'approval.field.expires': () => 'Expires',
  'approval.field.decision': () => 'Decision',
  'approval.images': (p: { count: number }) => (p.count === 0 ? 'none' : `${number(p.count)} ${plural(p.count, { one: 'image', other: 'images' })}`),
  'approval.decided': (p: { state: ApprovalState; deciderId: string | null; at: Date | null }) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'a moderator';
    const when = p.at ? ` ${relative(p.at)}` : '';
    switch (p.state) {
      case 'waiting':
        return 'Nobody has decided yet.';
      case 'approved':
        return `Approved by ${by}${when}.`;
      case 'denied':
        return `Denied by ${by}${when}.`;
      case 'expired':
        return `Nobody decided in time; the credits were released${when}.`;
      case 'cancelled':
        return `Its member cancelled it${when}; the credits were released.`;
      case 'unreachable':
        return 'The bot could not post here, so the request was released and its member told.';
    }
  },
  'approval.reason': (p: { reason: string }) => `**Reason:** ${p.reason}`,
  'approval.removed': () => 'The result of this request was removed; its prompt and images are no longer shown.',
  'approval.footer': (p: { id: number }) => `Generation #${p.id} · members' requests wait here while approval is on`,
  'approval.approve': () => 'Approve',
  'approval.deny': () => 'Deny',
  'approval.denyForm.title': () => 'Deny this video request',
  'approval.denyForm.reason': () => 'Reason (optional)',
  'approval.denyForm.placeholder': () => 'The member reads it in their reply',

  'approval.reply.waiting': () => 'A moderator must approve this request before it is made; its credits are held meanwhile.',
  'approval.reply.approved': () => 'A moderator approved this request.',
  'approval.reply.reason': (p: { reason: string }) => `The moderator's reason: ${p.reason}`,

  'approval.press.notModerator': () =>
    'Only moderators can approve or deny video requests: members with the approval role, Manage Messages or Manage Server.',
  'approval.press.own': () => "You can't decide on your own request; another moderator must.",
  'approval.press.unknown': () => 'The bot knows no request waiting for approval behind this button.',
  'approval.press.ended': (p: { state: ApprovalState; deciderId: string | null }) => {
    const by = p.deciderId ? userMention(p.deciderId) : 'a moderator';
    switch (p.state) {
      case 'waiting':
        return 'This request still waits for a decision.';
      case 'approved':
        return `This request was already approved by ${by}.`;
      case 'denied':
        return `This request was already denied by ${by}.`;
      case 'expired':
        return 'This request already expired: nobody decided in time, and its credits were released.';
      case 'cancelled':
        return 'Its member already cancelled this request.';
      case 'unreachable':
        return 'This request was already released: the bot could not post in the approval channel.';
    }
  },
  'approval.press.denied': () => 'Denied; the member was told, and their credits released.',

  'log.title': (p: { outcome: LogOutcome }) => `Video request ${outcomes[p.outcome]}`,
  'log.lead': (p: { userId: string; channelId: string }) => `${userMention(p.userId)} in ${channelMention(p.channelId)}`,
  'log.field.outcome': () => 'Outcome',
  'log.field.cost': () => 'Charged',
  'log.field.reply': () => 'Reply',
  'log.reply': (p: { url: string }) => hyperlink('Open the reply', p.url),
  'log.noReply': () => 'no reply on record',
  'log.removed': () => 'This result was removed; its prompt and images are no longer shown.',
  'log.footer': (p: { id: number }) => `Generation #${p.id}`,

  'approvalAdmin.on': (p: { channelId: string; roleId: string | null }) =>
    `Approval is on: members' video requests now wait in ${channelMention(p.channelId)} until a moderator (${p.roleId ? `${roleMention(p.roleId)}, ` : ''}Manage Messages or Manage Server) approves them. Their credits are held meanwhile.`,
  'approvalAdmin.off': () => 'Approval is off: new requests no longer wait. Requests already waiting still wait for a moderator.',
  'approvalAdmin.alreadyOff': () => 'Approval was already off; nothing changed.',
  'logAdmin.set': (p: { channelId: string }) => `Every video request made in this server from now on is logged in ${channelMention(p.channelId)} once it is final.`,
  'logAdmin.off': () => 'The moderators’ log is off; nothing more is posted there.',
  'logAdmin.alreadyOff': () => 'There was no log channel; nothing changed.',

  'moderation.field.approval': () => 'Moderator approval',
  'moderation.approval': (p: { channelId: string | null; roleId: string | null }) =>
    p.channelId === null ? 'off' : `on, in ${channelMention(p.channelId)}${p.roleId ? `, moderators: ${roleMention(p.roleId)}` : ''} (and Manage Messages)`,
  'moderation.field.log': () => 'Moderators’ log',
  'moderation.log': (p: { channelId: string | null }) => (p.channelId === null ? 'off' : channelMention(p.channelId)),
  'moderation.field.problems': () => 'Problems',
  'moderation.problem': (p: { which: 'approval' | 'log'; channelId: string; problem: ChannelProblem }) =>
    `${p.which === 'approval' ? 'Approval channel' : 'Log channel'} ${channelMention(p.channelId)}: ${problems[p.problem]}. ${
      p.which === 'approval' ? 'Waiting requests are released until it is fixed.' : 'Nothing is logged until you set it again.'
    }`,

  'admin.approval.description': () => 'Members’ video requests wait for a moderator',
  'admin.approval.on.description': () => 'Turn approval on: members’ requests wait in a channel for a moderator',
  'admin.approval.channel': () => 'Where moderators see the waiting requests',
  'admin.approval.role': () => 'The moderators’ role (Manage Messages also counts)',
  'admin.approval.off.description': () => 'Turn approval off: new requests no longer wait',
  'admin.logChannel.description': () => 'A log of every video request, for moderators',
  'admin.logChannel.set.description': () => 'Log every video request in a channel once it is final',
  'admin.logChannel.channel': () => 'The log channel',
  'admin.logChannel.off.description': () => 'Stop logging video requests',
};
