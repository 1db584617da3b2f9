import type { AspectRatio, Resolution } from '../veo/types.js';
import type { Mode } from './videoRequest.js';

export type GenerationState = 'queued' | 'submitting' | 'running' | 'completed' | 'partial' | 'failed';
export type ShotState = 'pending' | 'processing' | 'completed' | 'failed';

export const finishedStates: readonly GenerationState[] = ['completed', 'partial', 'failed'];

export interface Shot {
  id: string;
  position: number;
  prompt: string;
  taskId: string | null;
  state: ShotState;
  videoUrl: string | null;
  error: string | null;
  generationSeconds: number | null;
}

/** Where a generation was asked for, and by whom. */
export interface Origin {
  guildId: string;
  channelId: string;
  userId: string;
  interactionId: string | null;
}

export interface Generation extends Origin {
  id: number;
  replyMessageId: string | null;
  prompt: string;
  mode: Mode;
  aspectRatio: AspectRatio;
  resolution: Resolution;
  imageUrls: string[];
  credits: number;
  creditsUsed: number | null;
  state: GenerationState;
  errorCode: string | null;
  errorMessage: string | null;
  videoUrl: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  expectedAt: Date | null;
  queuePosition: number | null;
  finishedAt: Date | null;
  nextPollAt: Date | null;
  pollCount: number;
  revision: number;
  deliveredRevision: number;
  deliveryAttempts: number;
  shots: Shot[];
}

export function isFinished(generation: Pick<Generation, 'state'>): boolean {
  return finishedStates.includes(generation.state);
}

/** Links to show: the concatenated video if the API gave one, else each finished shot's. */
export function videoLinks(generation: Pick<Generation, 'videoUrl' | 'shots'>): string[] {
  if (generation.videoUrl) return [generation.videoUrl];
  return generation.shots.flatMap((shot) => (shot.videoUrl ? [shot.videoUrl] : []));
}
