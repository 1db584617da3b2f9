import { randomUUID } from 'node:crypto';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Clock } from '../clock.js';
import type { Origin } from '../domain/generation.js';
import type { VideoRequest } from '../domain/videoRequest.js';

/** A costly `/veo prompt` waiting for its member's click; nothing is reserved yet. */
export interface PendingPrompt {
  origin: Origin;
  roleIds: string[];
  request: VideoRequest;
  /** The command's interaction, to take the buttons off its private question afterwards. */
  question: ChatInputCommandInteraction;
}

export type PendingConfirmations = ReturnType<typeof createPendingConfirmations>;

/**
 * Kept in memory on purpose: a question lost to a restart costs nothing (no credit moved) and
 * its buttons then answer that it expired.
 */
export function createPendingConfirmations({ clock, ttlMs }: { clock: Clock; ttlMs: number }) {
  const pending = new Map<string, PendingPrompt & { expiresAt: number }>();

  function sweep(now: number): void {
    for (const [id, entry] of pending) if (entry.expiresAt <= now) pending.delete(id);
  }

  return {
    ttlMs,
    add(prompt: PendingPrompt): string {
      const now = clock.now().getTime();
      sweep(now);
      const id = randomUUID().replace(/-/g, '').slice(0, 16);
      pending.set(id, { ...prompt, expiresAt: now + ttlMs });
      return id;
    },
    /** Removes and returns the prompt, only for the member who asked and only while it is fresh. */
    take(id: string, userId: string): PendingPrompt | 'expired' | 'not_yours' {
      const now = clock.now().getTime();
      sweep(now);
      const entry = pending.get(id);
      if (!entry) return 'expired';
      if (entry.origin.userId !== userId) return 'not_yours';
      pending.delete(id);
      return entry;
    },
    size: () => pending.size,
  };
}
