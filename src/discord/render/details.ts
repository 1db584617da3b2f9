import type { APIEmbed } from 'discord.js';
import { videoLinks, type Generation } from '../../domain/generation.js';
import { shotPromptsOf } from '../../domain/generationRequest.js';
import type { Translate } from '../words/catalogue.js';
import { colors, linkForDisplay, quotePrompt } from './format.js';
import type { ShotProgress } from '../words/en/results.js';
import { discordLimits } from './discordLimits.js';

// Quoting can double a prompt's length (every markdown character escaped), so prompts are cut in
// raw pieces small enough that a quoted piece always fits a page with room to spare.
const PROMPT_PIECE = 1500;

const progressOf: Record<Generation['shots'][number]['state'], ShotProgress> = {
  completed: 'done',
  failed: 'failed',
  processing: 'running',
  pending: 'waiting',
};

/** Text split into pieces of at most `size` characters, none lost. */
function pieces(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts.length > 0 ? parts : [''];
}

/** A link or name longer than a page (Discord allows none such, but the vendor might) is split, never cut. */
const fitting = (line: string) => pieces(line, discordLimits.embedDescription - 100);

/** Every line of the details, in order: the request, who asked, what it cost, the links, then each shot. */
function detailLines(generation: Generation, say: Translate, imageLinks: boolean): string[][] {
  const shots = [...generation.shots].sort((a, b) => a.position - b.position);
  const links = videoLinks(generation).map(linkForDisplay);
  const head = [
    say('details.askedBy', { userId: generation.userId, at: generation.createdAt }),
    say('details.state', { label: say('generation.stateLabel', { state: generation.state }) }),
    say('details.request', { mode: say('generation.mode', { mode: generation.mode }), aspect: generation.aspectRatio, resolution: generation.resolution, shots: shots.length }),
    say('details.cost', { priced: generation.credits, charged: generation.creditsUsed, refunded: generation.creditsRefunded }),
    say('details.images', { count: generation.imageUrls.length }),
    ...(imageLinks ? generation.imageUrls.map(linkForDisplay).flatMap(fitting) : []),
    say('details.videos', { count: links.length }),
    ...links.flatMap(fitting),
  ];
  const prompts = shotPromptsOf(generation);
  const blocks = shots.map((shot, index) => [
    say('details.shot', { position: index + 1, progress: progressOf[shot.state], taskId: shot.taskId, seconds: shot.generationSeconds }),
    ...pieces(prompts[index] ?? '', PROMPT_PIECE).map((piece) => quotePrompt(piece, Number.POSITIVE_INFINITY)),
  ]);
  return [head, ...blocks];
}

/**
 * Details of a generation as pages, one embed each, for a private answer of several messages:
 * blocks stay whole where they fit, a block too long for what is left of a page starts the next
 * one, and one longer than a page goes on over the next pages, marked as continued. The images'
 * links are shown to the member who uploaded them only (`imageLinks`); others see how many there were.
 */
export function renderDetails(generation: Generation, say: Translate, { imageLinks }: { imageLinks: boolean }): APIEmbed[] {
  const continued = say('details.continued');
  const room = discordLimits.embedDescription - continued.length - 1;
  const pages: string[][] = [];
  let page: string[] = [];
  let used = 0;
  const turnPage = () => {
    pages.push(page);
    page = [];
    used = 0;
  };
  for (const block of detailLines(generation, say, imageLinks)) {
    const lines = page.length > 0 ? ['', ...block] : block;
    const size = lines.reduce((sum, line) => sum + line.length + 1, 0);
    if (page.length > 0 && used + size > room && size - 1 <= room) {
      turnPage();
      lines.shift();
    }
    for (const [index, line] of lines.entries()) {
      if (page.length > 0 && used + line.length + 1 > room) {
        turnPage();
        if (index > 0) page.push(continued);
      }
      if (line === '' && page.length === 0) continue;
      page.push(line);
      used += line.length + 1;
    }
  }
  turnPage();
  return pages.map((lines, index) => ({
    title: say('details.title', { id: generation.id, page: index + 1, pages: pages.length }),
    description: lines.join('\n'),
    color: colors.idle,
  }));
}
