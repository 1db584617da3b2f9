import { randomUUID } from 'node:crypto';
import type { RepliableInteraction } from 'discord.js';
import type { Clock } from '../clock.js';
import type { Origin } from '../domain/generation.js';
import type { VideoRequest } from '../domain/videoRequest.js';

/** The command, or a result's button, a question came from, so its answers can point back to it. */
export type AskingCommand = 'prompt' | 'story' | 'again' | 'remix' | 'extend';

/** A costly request waiting for its member's click; nothing is reserved yet. */
export interface PendingPrompt {
  origin: Origin;
  roleIds: readonly string[];
  request: VideoRequest;
  command: AskingCommand;
  /** The interaction that asked, to take the buttons off its private question afterwards. */
  question: Pick<RepliableInteraction, 'editReply'>;
}

/** How a question this process asked ended. */
export type Outcome = 'confirmed' | 'cancelled' | 'expired';

export type Answer =
  | { kind: 'open'; prompt: PendingPrompt }
  | { kind: 'not_yours' }
  /** Ended here: a second press, or a press after the time ran out. */
  | { kind: 'ended'; outcome: Outcome; command: AskingCommand }
  /** Closed unanswered when its member asked more than `MAX_OPEN_PER_MEMBER` newer questions. */
  | { kind: 'replaced'; command: AskingCommand }
  /** Never asked by this process: asked before a restart, so whether it was confirmed is unknown. */
  | { kind: 'unknown' };

export type PendingConfirmations = ReturnType<typeof createPendingConfirmations>;

// How long an ended question is remembered, so a late press on it still gets the true story.
const REMEMBER_ENDED_MS = 24 * 60 * 60_000;

/** Each open question holds its interaction: a member asking over and over keeps only the newest few. */
export const MAX_OPEN_PER_MEMBER = 3;

/**
 * Kept in memory on purpose: a question lost to a restart costs nothing unanswered, and one
 * answered before it is in the ledger; the buttons then say they are closed without guessing which.
 * Ended questions are remembered, so a double press says it was answered, not that it expired.
 */
export function createPendingConfirmations({ clock, ttlMs }: { clock: Clock; ttlMs: number }) {
  const pending = new Map<string, PendingPrompt & { expiresAt: number }>();
  const ended = new Map<string, { outcome: Outcome | 'replaced'; userId: string; command: AskingCommand; forgetAt: number }>();

  function end(id: string, entry: PendingPrompt, outcome: Outcome | 'replaced', now: number): void {
    pending.delete(id);
    ended.set(id, { outcome, userId: entry.origin.userId, command: entry.command, forgetAt: now + REMEMBER_ENDED_MS });
  }

  function sweep(now: number): void {
    for (const [id, entry] of pending) if (entry.expiresAt <= now) end(id, entry, 'expired', now);
    for (const [id, entry] of ended) if (entry.forgetAt <= now) ended.delete(id);
  }

  return {
    ttlMs,
    add(prompt: PendingPrompt): string {
      const now = clock.now().getTime();
      sweep(now);
      // Oldest first: a Map keeps the order questions were asked in.
      const open = [...pending].filter(([, entry]) => entry.origin.userId === prompt.origin.userId);
      for (const [oldId, entry] of open.slice(0, Math.max(0, open.length - MAX_OPEN_PER_MEMBER + 1))) end(oldId, entry, 'replaced', now);
      const id = randomUUID().replace(/-/g, '').slice(0, 16);
      pending.set(id, { ...prompt, expiresAt: now + ttlMs });
      return id;
    },
    /** Answers the question once, only for the member who asked and only while it is fresh. */
    answer(id: string, userId: string, outcome: 'confirmed' | 'cancelled'): Answer {
      const now = clock.now().getTime();
      sweep(now);
      const entry = pending.get(id);
      if (entry) {
        if (entry.origin.userId !== userId) return { kind: 'not_yours' };
        end(id, entry, outcome, now);
        return { kind: 'open', prompt: entry };
      }
      const past = ended.get(id);
      if (!past) return { kind: 'unknown' };
      if (past.userId !== userId) return { kind: 'not_yours' };
      if (past.outcome === 'replaced') return { kind: 'replaced', command: past.command };
      return { kind: 'ended', outcome: past.outcome, command: past.command };
    },
    size: () => pending.size,
  };
}
