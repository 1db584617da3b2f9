import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { minute, startLifecycle, type Lifecycle } from '../support/lifecycleHarness.js';

const A = '100000000000000001';
const B = '100000000000000002';
const SERVER_KEY = 'np-server-key-0123456789';
const oneAtATime = { limit: 1, windowMs: 10 * minute, pollReserve: 0, submitReserve: 0 };

const generateOrder = (lc: Lifecycle) =>
  lc.api.requests.filter((r) => r.endpoint === 'generate').map((r) => (r.body as { shots: { prompt: string }[] }).shots[0]!.prompt);

/** Ticks once per freed slot until nothing waits. */
async function drain(lc: Lifecycle, stepMs = 10 * minute + 1): Promise<void> {
  for (let step = 0; step < 50 && lc.queue.length() > 0; step += 1) {
    lc.clock.advance(stepMs);
    await lc.tick();
  }
}

describe('the queue serves servers and members in turns', () => {
  let lc: Lifecycle | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('sends a second server’s requests between the first’s, not after all of them', async () => {
    lc = await startLifecycle({ rateLimit: oneAtATime });
    for (let i = 0; i < 5; i += 1) await lc.submitIn(A, '200000000000000001', { text: `A${i}` });
    await lc.submitIn(B, '200000000000000009', { text: 'B0' });
    await lc.submitIn(B, '200000000000000009', { text: 'B1' });
    await drain(lc);
    expect(generateOrder(lc)).toEqual(['A0', 'B0', 'A1', 'B1', 'A2', 'A3', 'A4']);
  });

  it('lets a member who asked once go before another member’s second request in the same server', async () => {
    lc = await startLifecycle({ rateLimit: oneAtATime });
    await lc.submit({ text: 'W0' }, '200000000000000005');
    for (let i = 0; i < 3; i += 1) await lc.submit({ text: `X${i}` }, '200000000000000007');
    await lc.submit({ text: 'Y0' }, '200000000000000003');
    await drain(lc);
    expect(generateOrder(lc)).toEqual(['W0', 'X0', 'Y0', 'X1', 'X2']);
  });

  it('takes the turns up where they stopped after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veo-turns-'));
    dirs.push(dir);
    const databasePath = join(dir, 'bot.db');
    lc = await startLifecycle({ databasePath, rateLimit: oneAtATime });
    await lc.submitIn(A, '200000000000000001', { text: 'A0' });
    await lc.submitIn(B, '200000000000000009', { text: 'B0' });
    await lc.submitIn(B, '200000000000000009', { text: 'B1' });
    await lc.submitIn(A, '200000000000000001', { text: 'A1' });
    lc.clock.advance(10 * minute + 1);
    await lc.tick();
    expect(generateOrder(lc)).toEqual(['A0', 'B0']);
    const restartAt = lc.clock.now().getTime() + 10 * minute + 1;
    await lc.close();

    // B was served last: A's turn comes next, though B's second request waits longer than A's.
    lc = await startLifecycle({ databasePath, rateLimit: oneAtATime });
    lc.clock.set(restartAt);
    await lc.tick();
    expect(generateOrder(lc)).toEqual(['A1']);
  });

  it('shows each waiting member the place the turns give it, and edits it when pushed back more than double', async () => {
    lc = await startLifecycle({ rateLimit: { limit: 1, windowMs: 60 * minute, pollReserve: 0, submitReserve: 0 } });
    await lc.submitIn(A, '200000000000000001', { text: 'sent at once' });
    const mine = [];
    for (let i = 0; i < 4; i += 1) mine.push(await lc.submitIn(A, '200000000000000001', { text: `A${i}` }));
    expect(mine.map((g) => g.queuePosition)).toEqual([1, 2, 3, 4]);
    const others = [];
    for (let server = 2; server <= 6; server += 1) others.push(await lc.submitIn(`10000000000000000${server}`, '200000000000000009'));

    // The five other servers each take a turn before A's next request: A's places are 6 to 9.
    const truth = new Map([...lc.queue.order().get('operator')!].map((request, index) => [request.id, index + 1]));
    expect(mine.map((g) => truth.get(g.id))).toEqual([6, 7, 8, 9]);
    expect(others.map((g) => truth.get(g.id))).toEqual([1, 2, 3, 4, 5]);
    const shown = mine.map((g) => lc!.generations.get(g.id)!);
    // 3 → 6 is not worth an edit (not more than double), 2 → 7 and 4 → 9 are; 7 → 8 is not.
    expect(shown.map((g) => g.queuePosition)).toEqual([3, 7, 7, 9]);
    for (const g of shown) expect(g.expectedAt).toEqual(lc.budget.submitSlotFreeAt(g.queuePosition!));
    for (const g of others) expect(lc.generations.get(g.id)!.queuePosition).toBe(truth.get(g.id));
  });

  it('keeps each lane’s own turns and places', async () => {
    const ownKey = `guild:${B}` as const;
    // B pays with its own key: its lane is its own (a lane whose key is closed would release its requests as they join).
    lc = await startLifecycle({ rateLimit: oneAtATime, serverKeys: { mode: 'allowed', secret: randomBytes(32) }, api: { apiKeys: ['test-key', SERVER_KEY] } });
    // The key's check takes its one request this window: B's requests wait too.
    await lc.serverKeys.set(B, SERVER_KEY, '200000000000000009');
    await lc.submitIn(A, '200000000000000001', { text: 'A0' });
    const a = [await lc.submitIn(A, '200000000000000001', { text: 'A1' }), await lc.submitIn(A, '200000000000000001', { text: 'A2' })];
    const b = [await lc.submitIn(B, '200000000000000009', { text: 'B0' }), await lc.submitIn(B, '200000000000000009', { text: 'B1' })];
    expect([...a, ...b].map((g) => g.queuePosition)).toEqual([1, 2, 1, 2]);
    const lanes = lc.queue.order();
    expect([...lanes.keys()]).toEqual(['operator', ownKey]);
    expect(lanes.get(ownKey)!.map((r) => r.id)).toEqual(b.map((g) => g.id));
  });
});
