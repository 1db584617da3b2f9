import type { APIEmbed } from 'discord.js';
import type { ModerationView } from '../../domain/moderation/moderationSettings.js';
import type { Translate } from '../words/catalogue.js';

/** `/veo-admin settings` with approval, the log channel and any problem the bot met with them. */
export function withModeration(embed: APIEmbed, view: ModerationView, say: Translate): APIEmbed {
  const problems = [
    ...(view.approval && view.approvalProblem ? [say('moderation.problem', { which: 'approval', channelId: view.approval.channelId, problem: view.approvalProblem })] : []),
    ...(view.logChannelId && view.logProblem ? [say('moderation.problem', { which: 'log', channelId: view.logChannelId, problem: view.logProblem })] : []),
  ];
  return {
    ...embed,
    fields: [
      ...(embed.fields ?? []),
      { name: say('moderation.field.approval'), value: say('moderation.approval', { channelId: view.approval?.channelId ?? null, roleId: view.approval?.roleId ?? null }), inline: false },
      { name: say('moderation.field.log'), value: say('moderation.log', { channelId: view.logChannelId }), inline: false },
      ...(problems.length > 0 ? [{ name: say('moderation.field.problems'), value: problems.join('\n'), inline: false }] : []),
    ],
  };
}
