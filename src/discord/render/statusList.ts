import type { APIEmbed } from 'discord.js';
import { isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import type { Translate } from '../words/catalogue.js';
import { colors, quotePrompt } from './format.js';
import { costText } from './generationMessage.js';

/** `/veo status`: one line per generation, newest first. */
export function renderStatusList(generations: Generation[], say: Translate): APIEmbed {
  if (generations.length === 0) {
    return { title: say('status.title'), description: say('status.empty'), color: colors.idle };
  }
  const lines = generations.map((g) => {
    const links = isFinished(g) ? videoLinks(g) : [];
    const link = links[0] ? ` · ${say('status.videoLink', { url: links[0], more: links.length - 1 })}` : '';
    const state = say('generation.stateLabel', { state: g.state });
    return `**#${g.id}** ${state} · ${costText(g, say)} · ${say('time.relative', { at: g.createdAt })}${link}\n${quotePrompt(g.prompt, 80)}`;
  });
  return {
    title: say('status.title'),
    description: lines.join('\n\n'),
    color: colors.working,
    footer: { text: say('status.footer') },
  };
}
