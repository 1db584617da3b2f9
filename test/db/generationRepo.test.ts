import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { createGenerationRepo, type GenerationRepo } from '../../db/generationRepo.js';
import { generations } from '../../db/schema/index.js';
import { parseVideoRequest } from '../../src/domain/videoRequest.js';
import { sampleOrigin } from '../support/sampleGeneration.js';

const origin = sampleOrigin;
const t0 = new Date(Date.UTC(2026, 10, 25, 12));
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let db: Db;
let repo: GenerationRepo;
let id: number;

/** The row as stored, with the delivery fields the domain object leaves out. */
const row = () => db.select().from(generations).where(eq(generations.id, id)).get()!;

/** A delivery that failed twice and waits for its next try: what a visible change must cut short. */
function backedOff(): void {
  repo.retryDeliveryLater(id, 2, later(30));
}

beforeEach(() => {
  db = openDb(':memory:');
  repo = createGenerationRepo(db);
  const request = parseVideoRequest({ text: 'a tide || a storm', images: [], mode: null, aspect: null, resolution: null });
  id = repo.insert(origin, request, 'queued', t0).id;
});
afterEach(() => closeDb(db));

describe('changes the member sees', () => {
  it('bump the revision and deliver at once, whatever back-off the older revision was in', () => {
    const cases: [string, () => void][] = [
      ['placeInQueue', () => repo.placeInQueue(id, 3, later(10))],
      ['markRunning', () => repo.markRunning(id, { creditsUsed: 20, submittedAt: t0, expectedAt: later(5), nextPollAt: later(2) })],
      ['markNoShotAccepted', () => repo.markNoShotAccepted(id, 20, t0)],
      ['fail', () => repo.fail(id, 'INTERNAL', t0)],
      ['finish', () => repo.finish(id, { state: 'completed', at: t0, errorCode: null })],
      ['recordProgress', () => repo.recordProgress(id, later(3))],
    ];
    for (const [name, change] of cases) {
      backedOff();
      const before = row().revision;
      change();
      expect({ name, revision: row().revision, attempts: row().deliveryAttempts, next: row().nextDeliveryAt }).toEqual({ name, revision: before + 1, attempts: 0, next: null });
    }
  });

  it('record what each says', () => {
    repo.placeInQueue(id, 3, later(10));
    expect(repo.get(id)).toMatchObject({ queuePosition: 3, expectedAt: later(10) });

    repo.markRunning(id, { creditsUsed: 20, submittedAt: t0, expectedAt: later(5), nextPollAt: later(2) });
    expect(repo.get(id)).toMatchObject({ state: 'running', creditsUsed: 20, submittedAt: t0, expectedAt: later(5), nextPollAt: later(2) });

    repo.recordProgress(id, later(4));
    expect(repo.get(id)).toMatchObject({ state: 'running', nextPollAt: later(4), pollCount: 1 });

    repo.finish(id, { state: 'partial', at: later(6), errorCode: 'GENERATION_FAILED', videoUrl: 'https://cdn.example/v.mp4' });
    expect(repo.get(id)).toMatchObject({ state: 'partial', finishedAt: later(6), nextPollAt: null, errorCode: 'GENERATION_FAILED', videoUrl: 'https://cdn.example/v.mp4' });
  });

  it('finish keeps the link it has when none is given, and fail leaves the rest as it was', () => {
    repo.finish(id, { state: 'completed', at: t0, errorCode: null, videoUrl: 'https://cdn.example/v.mp4' });
    repo.finish(id, { state: 'failed', at: later(1), errorCode: 'timeout' });
    expect(repo.get(id)).toMatchObject({ state: 'failed', errorCode: 'timeout', videoUrl: 'https://cdn.example/v.mp4' });

    repo.placeInQueue(id, 2, later(9));
    repo.fail(id, 'QUEUE_TIMEOUT', later(2));
    expect(repo.get(id)).toMatchObject({ state: 'failed', errorCode: 'QUEUE_TIMEOUT', finishedAt: later(2), queuePosition: 2, expectedAt: later(9) });
  });

  it('a request the vendor charged but took no shot of ends failed, unscheduled', () => {
    repo.placeInQueue(id, 1, later(9));
    repo.markNoShotAccepted(id, 20, t0);
    expect(repo.get(id)).toMatchObject({ state: 'failed', creditsUsed: 20, submittedAt: t0, finishedAt: t0, expectedAt: null, nextPollAt: null, errorCode: 'GENERATION_FAILED' });
  });
});

describe('changes the member does not see', () => {
  it('leave the revision and the delivery back-off alone', () => {
    const cases: [string, () => void][] = [
      ['markSubmitting', () => repo.markSubmitting(id, 'k')],
      ['returnToQueue', () => repo.returnToQueue(id)],
      ['attachReply', () => repo.attachReply(id, '900000000000000001')],
      ['schedulePoll', () => repo.schedulePoll(id, later(3))],
      ['fallBackToLink', () => repo.fallBackToLink(id, 'too_large')],
    ];
    for (const [name, change] of cases) {
      backedOff();
      const before = row().revision;
      change();
      expect({ name, revision: row().revision, attempts: row().deliveryAttempts, next: row().nextDeliveryAt }).toEqual({ name, revision: before, attempts: 2, next: later(30) });
    }
  });

  it('submitting clears the place in the queue and the reason to wait; a 429 puts it back, unseen', () => {
    repo.placeInQueue(id, 1, later(9));
    repo.setQueuedWaitReason('account_empty', 'operator');
    repo.markSubmitting(id, 'k');
    expect(repo.get(id)).toMatchObject({ state: 'submitting', queuePosition: null, waitReason: null });
    repo.returnToQueue(id);
    expect(repo.get(id)!.state).toBe('queued');
  });

  it('a poll that learned nothing counts itself and schedules the next', () => {
    repo.schedulePoll(id, later(3));
    repo.schedulePoll(id, later(6));
    expect(repo.get(id)).toMatchObject({ nextPollAt: later(6), pollCount: 2 });
  });

  it('delivery: recorded with the reply it went to, retried later, never shown again once removed', () => {
    repo.recordProgress(id, later(1));
    repo.markDelivered(id, 1, '900000000000000002');
    expect(repo.get(id)).toMatchObject({ deliveredRevision: 1, replyMessageId: '900000000000000002', deliveryAttempts: 0 });
    repo.markDelivered(id, 1, null);
    expect(repo.get(id)!.replyMessageId).toBe('900000000000000002');

    repo.recordProgress(id, later(2));
    repo.retryDeliveryLater(id, 1, later(5));
    expect(repo.pendingDeliveries(later(4), 10)).toEqual([]);
    expect(repo.pendingDeliveries(later(5), 10).map((g) => g.id)).toEqual([id]);

    repo.remove(id, 2, later(6));
    expect(repo.get(id)).toMatchObject({ removedAt: later(6), deliveredRevision: 2, deliveryAttempts: 0 });
    expect(repo.pendingDeliveries(later(60), 10)).toEqual([]);
  });

  it('files: a retry waits with its own count; falling back to the link starts that count over', () => {
    repo.retryFileLater(id, 2, later(8));
    expect(repo.get(id)!.fileAttempts).toBe(2);
    expect(row().nextDeliveryAt).toEqual(later(8));
    repo.fallBackToLink(id, 'not_mp4');
    expect(repo.get(id)).toMatchObject({ fileFallback: 'not_mp4', fileAttempts: 0 });
  });
});

describe('shots', () => {
  it('start with their task, complete with what the vendor said, get a late link, or fail with a reason', () => {
    const [first, second] = repo.get(id)!.shots.map((shot) => shot.id) as [string, string];
    repo.startShot(first, 'task-1');
    repo.startShot(second, 'task-2');
    expect(repo.get(id)!.shots).toMatchObject([
      { taskId: 'task-1', state: 'processing' },
      { taskId: 'task-2', state: 'processing' },
    ]);

    repo.completeShot(first, { videoUrl: null, generationSeconds: 140, at: later(3) });
    repo.linkShot(first, 'https://cdn.example/1.mp4');
    repo.failShot(second, 'failed', later(4));
    expect(repo.get(id)!.shots).toMatchObject([
      { state: 'completed', videoUrl: 'https://cdn.example/1.mp4', generationSeconds: 140, finishedAt: later(3), error: null },
      { state: 'failed', error: 'failed', finishedAt: later(4) },
    ]);
  });
});

describe('lastActivity', () => {
  it('is when each server last asked for a video; a server that never did is left out', () => {
    const request = parseVideoRequest({ text: 'a fox', images: [], mode: null, aspect: null, resolution: null });
    repo.insert(origin, request, 'queued', later(5));
    repo.insert({ ...origin, guildId: '100000000000000002' }, request, 'queued', later(1));
    const activity = repo.lastActivity(['100000000000000001', '100000000000000002', '100000000000000003']);
    expect([...activity]).toEqual([
      ['100000000000000001', later(5)],
      ['100000000000000002', later(1)],
    ]);
    expect(repo.lastActivity([])).toEqual(new Map());
  });
});
