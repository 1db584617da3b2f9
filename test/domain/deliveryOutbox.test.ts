import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryOutbox, type Notifier } from '../../src/domain/deliveryOutbox.js';
import { createLogger } from '../../src/log.js';
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
    const notifier: Notifier = {
      async deliver() {
        attemptsAt.push(lc!.clock.now().getTime());
        if (attemptsAt.length <= 12) throw new Error('Discord is down');
        return { messageId: '900000000000000001', path: 'webhook' as const };
      },
    };
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
    const notifier: Notifier = {
      async deliver(g) {
        if (down) throw new Error('Discord is down');
        shown.push(g.revision);
        return { messageId: '900000000000000001', path: 'webhook' as const };
      },
    };
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
    lc.repo.update(id, { state: 'completed' }, true);
    expect(await outbox.deliverDue()).toBe(1);
    expect(shown).toEqual([lc.generations.get(id)!.revision]);
  });

  it('leaves progress unshown on a reply older than an hour (Discord limits its edits), and shows the result', async () => {
    lc = await startLifecycle();
    const { id } = await lc.submit({ text: 'a tide || a storm' });
    const shown: string[] = [];
    const notifier: Notifier = {
      async deliver(g) {
        shown.push(g.state);
        return { messageId: '900000000000000001', path: 'webhook' as const };
      },
    };
    const outbox = createDeliveryOutbox({ repo: lc.repo, notifier, replySetups: lc.replySetups, clock: lc.clock, retryMs: 1000, log: createLogger({ write: () => {} }) });
    await outbox.deliverDue();
    expect(shown).toEqual(['running']);

    lc.clock.advance(59 * 60_000);
    lc.repo.update(id, { queuePosition: null }, true);
    await outbox.deliverDue();
    expect(shown).toEqual(['running', 'running']);

    lc.clock.advance(60_000);
    lc.repo.update(id, { queuePosition: null }, true);
    await outbox.deliverDue();
    expect(shown).toHaveLength(2);
    const skipped = lc.generations.get(id)!;
    expect(skipped.deliveredRevision).toBe(skipped.revision);

    lc.repo.update(id, { state: 'completed' }, true);
    await outbox.deliverDue();
    expect(shown).toEqual(['running', 'running', 'completed']);
  });
});
