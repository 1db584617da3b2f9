import type { APIEmbed } from 'discord.js';
import { isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import { colors, quotePrompt, relative } from './format.js';
import { costText } from './generationMessage.js';

const stateLabels: Record<Generation['state'], string> = {
  queued: '⏳ queued',
  submitting: '📨 submitting',
  running: '🎬 generating',
  completed: '✅ done',
  partial: '⚠️ partly done',
  failed: '❌ failed',
};

/** `/veo status`: one line per generation, newest first. */
export function renderStatusList(generations: Generation[]): APIEmbed {
  if (generations.length === 0) {
    return { title: 'Your videos', description: 'You have not made any videos in this server yet. Try `/veo prompt`.', color: colors.idle };
  }
  const lines = generations.map((g) => {
    const links = isFinished(g) ? videoLinks(g) : [];
    const link = links[0] ? ` · [video](${links[0]})${links.length > 1 ? ` +${links.length - 1}` : ''}` : '';
    return `**#${g.id}** ${stateLabels[g.state]} · ${costText(g)} · ${relative(g.createdAt)}${link}\n${quotePrompt(g.prompt, 80)}`;
  });
  return {
    title: 'Your videos',
    description: lines.join('\n\n'),
    color: colors.working,
    footer: { text: 'Details: /veo status id:<number>' },
  };
}
