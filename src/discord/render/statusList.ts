import type { APIEmbed } from 'discord.js';
import { isFinished, videoLinks, type Generation } from '../../domain/generation.js';
import type { Translate } from '../words/catalogue.js';
import { colors, quotePrompt, linkForDisplay } from './format.js';
import { costText } from './generationMessage.js';
import { discordLimits } from './discordLimits.js';

const SEPARATOR = '\n\n';

/** At most this many waiting requests are listed (a server without a member limit may have more). */
const SHOWN_WAITING = 10;

/** How one waiting request is listed: its place as last shown in its reply, or, waiting for a moderator, no place. */
const waitingEntry = (g: Generation, say: Translate): string =>
  g.state === 'awaiting_approval' ? `**#${g.id}** ${say('generation.stateLabel', { state: g.state })}` : say('members.waitingEntry', { id: g.id, place: g.queuePosition });

/** The member's waiting requests, oldest first: in the queue with their places, and those awaiting a moderator. */
function waitingSection(waiting: readonly Generation[], say: Translate): string {
  const lines = waiting.slice(0, SHOWN_WAITING).map((g) => `${waitingEntry(g, say)} · ${costText(g, say)}\n${quotePrompt(g.prompt, 80)}`);
  const more = waiting.length > SHOWN_WAITING ? [say('list.more', { count: waiting.length - SHOWN_WAITING })] : [];
  return [`**${say('members.waitingHeading', { count: waiting.length })}**`, ...lines, ...more].join(SEPARATOR);
}

/**
 * `/veo status`: the member's waiting requests first, each with its place, then one entry per
 * generation, newest first. Each finished video links to itself while the links fit the embed;
 * the rest point to `/veo status id:<n>`, which shows them whole.
 */
export function renderStatusList(recent: Generation[], say: Translate, waiting: readonly Generation[] = []): APIEmbed {
  const waitingIds = new Set(waiting.map((g) => g.id));
  // Twenty entries would not fit the embed: the waiting ones take the recent ones' places.
  const generations = recent.filter((g) => !waitingIds.has(g.id)).slice(0, Math.max(0, SHOWN_WAITING - waiting.length));
  if (generations.length === 0 && waiting.length === 0) {
    return { title: say('status.title'), description: say('status.empty'), color: colors.idle };
  }
  const head = waiting.length === 0 ? '' : `${waitingSection(waiting, say)}${generations.length === 0 ? '' : `${SEPARATOR}**${say('members.recentHeading')}**${SEPARATOR}`}`;
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
  let room = discordLimits.embedDescription - head.length - base;
  const lines = entries.map(({ summary, prompt, short, full }) => {
    const extra = full.length - short.length;
    const link = short !== '' && extra <= room ? full : short;
    if (link === full) room -= extra;
    return `${summary}${link}\n${prompt}`;
  });
  return {
    title: say('status.title'),
    description: `${head}${lines.join(SEPARATOR)}`,
    color: colors.working,
    footer: { text: say('status.footer') },
  };
}
