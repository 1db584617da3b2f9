import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { reservedNote } from '../../src/discord/render/credits.js';
import { noPings } from '../../src/discord/replies.js';
import type { PendingPrompt } from '../../src/discord/pendingConfirmations.js';
import type { CommandDeps } from '../command.js';

/**
 * Reserves and stores the generation before answering (so a refusal stays private), then defers a
 * public reply, submits it or queues it for the API key, and shows it. The poller does the rest.
 */
export async function startGeneration(
  interaction: RepliableInteraction,
  { origin, roleIds, request }: Omit<PendingPrompt, 'question'>,
  deps: CommandDeps,
): Promise<void> {
  const generation = deps.generations.create(origin, roleIds, request);
  const release = deps.replySetups.hold(generation.id);
  let state: string;
  try {
    try {
      const deferred = await interaction.deferReply({ withResponse: true });
      // Stored at once: the interaction token lives in memory only, so after a crash the reply
      // can still be edited through the channel instead of being posted a second time.
      const replyId = deferred.interaction.responseMessageId;
      if (replyId) deps.generations.attachReply(generation.id, replyId);
    } catch (error) {
      deps.generations.abort(generation, 'discord_unavailable', 'Discord did not accept the reply in time.');
      throw error;
    }
    deps.notifier.rememberInteraction(generation.id, interaction.token);
    const sent = await deps.queue.start(generation);
    state = sent.state;
    await deps.outbox.deliver(sent);
  } finally {
    release();
  }
  if (state === 'failed') return;
  const summary = deps.quota.summary({ guildId: origin.guildId, userId: origin.userId, roleIds });
  await interaction
    .followUp({ content: reservedNote(request.credits, summary), flags: MessageFlags.Ephemeral, allowedMentions: noPings })
    .catch((error: unknown) => deps.log.warn({ generationId: generation.id, err: error }, 'could not send the credits note'));
}
