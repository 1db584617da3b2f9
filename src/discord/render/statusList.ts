import type { APIEmbed } from 'discord.js';
import { isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import type { Translate } from '../words/catalogue.js';
import { colors, quotePrompt, linkForDisplay } from './format.js';
import { costText } from './generationMessage.js';
import { discordLimits } from './discordLimits.js';

const SEPARATOR = '\n\n';

/**
 * `/veo status`: one entry per generation, newest first. Each finished video links to itself
 * while the links fit the embed; the rest point to `/veo status id:<n>`, which shows them whole.
 */
export function renderStatusList(generations: Generation[], say: Translate): APIEmbed {
  if (generations.length === 0) {
    return { title: say('status.title'), description: say('status.empty'), color: colors.idle };
  }
  const entries = generations.map((g) => {
    const removed = g.removedAt ? ` · ${say('result.removedLabel', { at: g.removedAt })}` : '';
    const state = `${say('generation.stateLabel', { state: g.state })}${removed}`;
    const summary = `**#${g.id}** ${state} · ${costText(g, say)} · ${say('time.relative', { at: g.createdAt })}`;
    const links = isFinished(g) ? videoLinks(g) : [];
    const short = links[0] ? ` · ${say('status.videoDetails', { id: g.id })}` : '';
    const full = links[0] ? ` · ${say('status.videoLink', { url: linkForDisplay(links[0]), more: links.length - 1 })}` : '';
    const prompt = g.erasedBecause ? say('status.erased', { because: g.erasedBecause }) : quotePrompt(g.prompt, 80);
    return { summary, prompt, short, full };
  });
  const base = entries.reduce((sum, e) => sum + e.summary.length + e.short.length + 1 + e.prompt.length, 0) + SEPARATOR.length * (entries.length - 1);
  let room = discordLimits.embedDescription - base;
  const lines = entries.map(({ summary, prompt, short, full }) => {
    const extra = full.length - short.length;
    const link = short !== '' && extra <= room ? full : short;
    if (link === full) room -= extra;
    return `${summary}${link}\n${prompt}`;
  });
  return {
    title: say('status.title'),
    description: lines.join(SEPARATOR),
    color: colors.working,
    footer: { text: say('status.footer') },
  };
}
