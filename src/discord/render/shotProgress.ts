import type { APIEmbedField } from 'discord.js';
import type { Generation, Shot } from '../../domain/generation.js';
import type { ShotProgress } from '../words/en/results.js';
import type { Translate } from '../words/catalogue.js';
import { fitLines } from './format.js';
import { discordLimits } from './discordLimits.js';

export interface ShotStep {
  position: number;
  progress: ShotProgress;
  /** When the running shot started: the generation's submission for the first, the shot before's end for the others. */
  startedAt: Date | null;
}

/**
 * Each shot's step. The API makes shots one after another, so the first shot not done is the one
 * running and those after it wait, whatever the API's per-shot states say about them.
 */
export function shotSteps(generation: Pick<Generation, 'state' | 'submittedAt' | 'shots'>): ShotStep[] {
  const shots = [...generation.shots].sort((a, b) => a.position - b.position);
  const running = generation.state === 'running' ? shots.findIndex((shot) => !isDone(shot)) : -1;
  return shots.map((shot, index) => {
    const position = index + 1;
    if (shot.state === 'completed') return { position, progress: 'done', startedAt: null };
    if (shot.state === 'failed') return { position, progress: 'failed', startedAt: null };
    if (index !== running) return { position, progress: 'waiting', startedAt: null };
    const startedAt = index === 0 ? generation.submittedAt : (shots[index - 1]?.finishedAt ?? generation.submittedAt);
    return { position, progress: 'running', startedAt };
  });
}

const isDone = (shot: Shot) => shot.state === 'completed' || shot.state === 'failed';

/** The per-shot field of a multi-shot video being made; none for one shot, nor while queued or once finished. */
export function shotProgressField(generation: Pick<Generation, 'state' | 'submittedAt' | 'shots'>, say: Translate): APIEmbedField | undefined {
  if (generation.shots.length < 2 || generation.state !== 'running') return undefined;
  const lines = shotSteps(generation).map((step) => say('progress.shot', step));
  return { name: say('progress.field'), value: fitLines(lines, discordLimits.fieldValue, (count) => say('list.more', { count })), inline: false };
}
