import type { Generation, Origin, Shot } from '../../src/domain/generation.js';

/** When the sample generations were made and finished. */
export const sampleTime = new Date(Date.UTC(2026, 10, 25, 12));

/** Who asked for the sample generations, and where. */
export const sampleOrigin: Origin = {
  guildId: '100000000000000001',
  channelId: '300000000000000001',
  userId: '200000000000000001',
  interactionId: null,
  locale: null,
  guildLocale: null,
  attachmentSizeLimit: null,
};

/** A shot of generation 7 at `position`, still waiting; tests set what matters to them. */
export function sampleShot(position: number, overrides: Partial<Shot> = {}): Shot {
  return { id: `veo-7-${position + 1}`, position, prompt: `shot ${position + 1}`, taskId: `task_${position + 1}`, state: 'pending', videoUrl: null, error: null, generationSeconds: null, finishedAt: null, ...overrides };
}

/** Generation 7, a one-shot 720p text video that completed and was shown; tests override what matters to them. */
export function sampleGeneration(overrides: Partial<Generation> = {}): Generation {
  return {
    id: 7,
    ...sampleOrigin,
    replyMessageId: null,
    prompt: 'a fox',
    mode: 'text',
    aspectRatio: '16:9',
    resolution: '720p',
    imageUrls: [],
    credits: 10,
    creditsUsed: 10,
    creditsRefunded: 0,
    state: 'completed',
    errorCode: null,
    videoUrl: null,
    createdAt: sampleTime,
    submittedAt: sampleTime,
    keyFingerprint: null,
    expectedAt: null,
    queuePosition: null,
    waitReason: null,
    finishedAt: sampleTime,
    nextPollAt: null,
    pollCount: 1,
    revision: 3,
    deliveredRevision: 3,
    deliveryAttempts: 0,
    fileFallback: null,
    fileAttempts: 0,
    removedAt: null,
    cancelledBy: null,
    erasedAt: null,
    erasedBecause: null,
    extendsGenerationId: null,
    shots: [sampleShot(0, { state: 'completed' })],
    ...overrides,
  };
}
