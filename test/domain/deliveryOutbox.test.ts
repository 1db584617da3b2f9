import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryOutbox } from '../../src/domain/deliveryOutbox.js';
import type { Delivered, FilesRefused, Notifier, TaskPool, VideoDownloader } from '../../src/domain/ports.js';
import type { DownloadResult } from '../../src/domain/videoFiles.js';
import { createLogger } from '../../src/log.js';
import { notifierOf } from '../support/fakeNotifier.js';
import { startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

describe('the delivery outbox', () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('never records a failed delivery as delivered, and retries at a capped interval until Discord answers', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    const lines: string[] = [];
    const attemptsAt: number[] = [];
    const notifier = notifierOf(async () => {
      attemptsAt.push(lc!.clock.now().getTime());
      if (attemptsAt.length <= 12) throw new Error('Discord is down');
      return { messageId: '900000000000000001', path: 'webhook' as const };
    });
    const outbox = createDeliveryOutbox({ repo: lc.repo, notifier, replySetups: lc.replySetups, clock: lc.clock, retryMs: 1000, log: createLogger({ write: (l) => lines.push(l) }) });

    while (attemptsAt.length <= 12) {
      await outbox.deliverDue();
      const pending = lc.generations.get(id)!;
      // Delivered only by the thirteenth attempt, the first Discord answers.
      expect(pending.deliveredRevision < pending.revision, `after attempt ${attemptsAt.length}`).toBe(attemptsAt.length <= 12);
      lc.clock.advance(500);
    }

    const done = lc.generations.get(id)!;
    expect(done).toMatchObject({ deliveredRevision: done.revision, replyMessageId: '900000000000000001', deliveryAttempts: 0 });
    // Doubling from 1 s, then held at the longest interval.
    const gaps = attemptsAt.slice(1).map((at, i) => (at - attemptsAt[i]!) / 1000);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 128, 128, 128, 128]);
    expect(lines.filter((l) => l.includes('retrying at the longest interval'))).toHaveLength(1);
  });

  it('delivers a newer revision at once, whatever back-off the older one had reached', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit();
    let down = true;
    const shown: number[] = [];
    const notifier = notifierOf(async (g) => {
      if (down) throw new Error('Discord is down');
      shown.push(g.revision);
      return { messageId: '900000000000000001', path: 'webhook' as const };
    });
    const outbox = createDeliveryOutbox({ repo: lc.repo, notifier, replySetups: lc.replySetups, clock: lc.clock, retryMs: 1000, log: createLogger({ write: () => {} }) });
    for (let attempt = 0; attempt < 9; attempt += 1) {
      lc.clock.advance(129_000);
      await outbox.deliverDue();
    }
    // The last failure put the next try 128 s away.
    lc.clock.advance(1000);
    expect(await outbox.deliverDue()).toBe(0);
    expect(lc.generations.get(id)!.deliveryAttempts).toBe(9);

    down = false;
    lc.repo.finish(id, { state: 'completed', at: lc.clock.now(), errorCode: null });
    expect(await outbox.deliverDue()).toBe(1);
    expect(shown).toEqual([lc.generations.get(id)!.revision]);
  });

  it('leaves progress unshown on a reply older than an hour (Discord limits its edits), and shows the result', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit({ text: 'a tide || a storm' });
    const shown: string[] = [];
    const notifier = notifierOf(async (g) => {
      shown.push(g.state);
      return { messageId: '900000000000000001', path: 'webhook' as const };
    });
    const outbox = createDeliveryOutbox({ repo: lc.repo, notifier, replySetups: lc.replySetups, clock: lc.clock, retryMs: 1000, log: createLogger({ write: () => {} }) });
    await outbox.deliverDue();
    expect(shown).toEqual(['running']);

    lc.clock.advance(59 * 60_000);
    lc.repo.recordProgress(id, lc.clock.now());
    await outbox.deliverDue();
    expect(shown).toEqual(['running', 'running']);

    lc.clock.advance(60_000);
    lc.repo.recordProgress(id, lc.clock.now());
    await outbox.deliverDue();
    expect(shown).toHaveLength(2);
    const skipped = lc.generations.get(id)!;
    expect(skipped.deliveredRevision).toBe(skipped.revision);

    lc.repo.finish(id, { state: 'completed', at: lc.clock.now(), errorCode: null });
    await outbox.deliverDue();
    expect(shown).toEqual(['running', 'running', 'completed']);
  });

  describe('with video files', () => {
    /** Runs each file task at once; `settled` waits for those handed over so far. */
    function inlinePool() {
      const tasks: Promise<void>[] = [];
      const pool: TaskPool = {
        add(_key, task) {
          tasks.push(task(new AbortController().signal));
          return true;
        },
        keys: () => [],
        running: () => 0,
        stop: async () => undefined,
      };
      return { pool, settled: () => Promise.all(tasks.splice(0)) };
    }

    const accepted: Delivered = { messageId: '900000000000000002', path: 'channel_edit' };

    /** A finished video, its progress already shown; the outbox over a vendor and a Discord the test scripts. */
    async function finishedWith(download: () => DownloadResult, filesAnswer: () => Promise<Delivered | FilesRefused>, retries = 2) {
      lc = await startLifecycle();
      const { id } = await lc.submit();
      for (let i = 0; i < 20 && lc.generations.get(id)!.state !== 'completed'; i += 1) {
        lc.clock.advance(60_000);
        await lc.tick();
      }
      expect(lc.generations.get(id)!.state).toBe('completed');
      const shown: ('links' | 'files')[] = [];
      const notifier: Notifier = {
        async deliver() {
          shown.push('links');
          return accepted;
        },
        async deliverFiles() {
          shown.push('files');
          return filesAnswer();
        },
      };
      const downloader: VideoDownloader = { download: async () => download() };
      const { pool, settled } = inlinePool();
      const lines: string[] = [];
      const outbox = createDeliveryOutbox({
        repo: lc.repo,
        notifier,
        replySetups: lc.replySetups,
        clock: lc.clock,
        retryMs: 1000,
        log: createLogger({ write: (l) => lines.push(l) }),
        files: { downloader, pool, retries },
      });
      const deliver = async () => {
        const delivered = await outbox.deliverDue();
        await settled();
        return delivered;
      };
      return { id, shown, deliver, lines };
    }

    const mp4 = (): DownloadResult => ({ ok: true, video: { path: '/videos/7.mp4', size: 1000, content: new Blob(['mp4']), dispose: async () => undefined } });

    it('records files Discord accepted as delivered', async () => {
      const world = await finishedWith(mp4, async () => accepted);
      // Handed to the pool: not counted as delivered in the tick.
      expect(await world.deliver()).toBe(0);
      expect(world.shown).toEqual(['files']);
      const done = lc!.generations.get(world.id)!;
      expect(done).toMatchObject({ deliveredRevision: done.revision, replyMessageId: accepted.messageId, fileFallback: null, fileAttempts: 0 });
    });

    it('records why the video falls back to its link, and shows the link at once', async () => {
      const world = await finishedWith(mp4, async () => ({ kind: 'files_refused', reason: 'too_large' }));
      await world.deliver();
      expect(world.shown).toEqual(['files', 'links']);
      const done = lc!.generations.get(world.id)!;
      expect(done).toMatchObject({ deliveredRevision: done.revision, fileFallback: 'too_large', fileAttempts: 0 });

      // A restart does not try the file again.
      lc!.repo.finish(world.id, { state: 'completed', at: lc!.clock.now(), errorCode: null });
      await world.deliver();
      expect(world.shown).toEqual(['files', 'links', 'links']);
    });

    it('retries a file later with back-off, then shows the link after the last retry', async () => {
      const world = await finishedWith(() => ({ ok: false, failure: 'unreachable', detail: 'status 503' }), async () => accepted, 2);
      await world.deliver();
      const pending = lc!.generations.get(world.id)!;
      expect(pending).toMatchObject({ fileAttempts: 1, fileFallback: null });
      expect(pending.deliveredRevision).toBeLessThan(pending.revision);

      // Tried again 1 s later, then 2 s after that.
      lc!.clock.advance(999);
      await world.deliver();
      expect(lc!.generations.get(world.id)!.fileAttempts).toBe(1);
      lc!.clock.advance(1);
      await world.deliver();
      expect(lc!.generations.get(world.id)!.fileAttempts).toBe(2);
      lc!.clock.advance(1999);
      await world.deliver();
      expect(lc!.generations.get(world.id)!.fileAttempts).toBe(2);

      lc!.clock.advance(1);
      await world.deliver();
      const done = lc!.generations.get(world.id)!;
      expect(done).toMatchObject({ deliveredRevision: done.revision, fileFallback: 'unavailable', fileAttempts: 0 });
      expect(world.shown).toEqual(['links']);
      expect(world.lines.filter((l) => l.includes('gave up after 2 retries: status 503'))).toHaveLength(1);
    });
  });
});
