import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Generation } from '../../../src/domain/generation.js';
import type { PressedMessage, RemovedResult } from '../../../src/domain/resultActions.js';
import { silentLogger } from '../../../src/log.js';
import { createBackups } from '../../../src/service/backups.js';
import { minute, startLifecycle, type Lifecycle } from '../../support/lifecycleHarness.js';
import { refusalOf } from '../../support/refusalOf.js';

const day = 24 * 60 * minute;
const CHANNEL = '300000000000000001';
const botMessage = (): PressedMessage => ({ id: '900000000000000001', channelId: CHANNEL, byBot: true });
const image = { name: 'me.png', url: 'https://cdn.example/selfie-QWERTY.png', contentType: 'image/png', size: 1000 };

describe('erasing what members wrote and linked', () => {
  let lc: Lifecycle | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function finished(text: string, userId?: string): Promise<Generation> {
    const generation = await lc!.submit({ text, images: [image] }, userId);
    lc!.clock.advance(10 * minute);
    await lc!.tick();
    const done = lc!.generations.get(generation.id)!;
    expect(done.state).toBe('completed');
    return done;
  }
  const press = (userId = lc!.member.userId) => ({ guildId: lc!.member.guildId, message: botMessage(), userId, canManageMessages: false });
  const ledgerRows = () => lc!.db.$client.prepare('select kind, credits, generation_id from credit_ledger order by id').all();

  it('Delete blanks a finished result at once, keeps the ledger, tells its listeners, and the next backup holds none of it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'veo-erase-'));
    lc = await startLifecycle({ databasePath: join(dir, 'bot.db') });
    const done = await finished('a lighthouse-SECRET-PROMPT at night');
    expect(done.videoUrl ?? done.shots[0]!.videoUrl).toBeTruthy();
    const videoUrl = (done.videoUrl ?? done.shots[0]!.videoUrl)!;
    const ledger = ledgerRows();
    const heard: RemovedResult[] = [];
    lc.results.onRemoved((removed) => heard.push(removed));

    const removed = lc.results.remove(done.id, press());
    expect(removed).toMatchObject({ prompt: '', imageUrls: [], videoUrl: null, erasedBecause: 'removed', creditsUsed: 10, state: 'completed' });
    expect(removed.shots.map((shot) => [shot.prompt, shot.videoUrl])).toEqual([['', null]]);
    expect(ledgerRows()).toEqual(ledger);
    expect(heard).toEqual([expect.objectContaining({ id: done.id, removedBy: lc.member.userId, erased: true, guildId: lc.member.guildId })]);
    expect(JSON.stringify(heard)).not.toContain('SECRET');

    const backupDir = join(dir, 'backups');
    const backups = createBackups({ db: lc.db, databasePath: join(dir, 'bot.db'), dir: backupDir, intervalMs: day, keep: 1, clock: lc.clock, log: silentLogger });
    await backups.backUp();
    await backups.stop();
    const [file] = readdirSync(backupDir);
    const bytes = readFileSync(join(backupDir, file!)).toString('latin1');
    expect(bytes).not.toContain('SECRET-PROMPT');
    expect(bytes).not.toContain('selfie-QWERTY');
    expect(bytes).not.toContain(videoUrl);
  });

  it('Delete on a result still being made blanks it once it finishes', async () => {
    lc = await startLifecycle();
    const running = await lc.submit({ text: 'a running secret', images: [image] });
    const removed = lc.results.remove(running.id, press());
    expect(removed).toMatchObject({ prompt: 'a running secret', erasedAt: null });
    lc.clock.advance(10 * minute);
    await lc.tick();
    expect(lc.generations.get(running.id)).toMatchObject({ state: 'completed', prompt: '', imageUrls: [], videoUrl: null, erasedBecause: 'removed' });
  });

  it('PROMPT_RETENTION_DAYS blanks older results once a day, keeps the ledger, and Again, Remix and Details then say it is too old', async () => {
    lc = await startLifecycle({ promptRetentionDays: 2 });
    const old = await finished('an old secret', '200000000000000005');
    lc.clock.advance(day);
    const newer = await finished('a newer prompt');
    const ledger = ledgerRows();

    lc.clock.advance(day + minute);
    await lc.tick();
    expect(lc.generations.get(old.id)).toMatchObject({ prompt: '', imageUrls: [], videoUrl: null, erasedBecause: 'expired', creditsUsed: 10 });
    expect(lc.generations.get(newer.id)).toMatchObject({ prompt: 'a newer prompt', erasedAt: null });
    expect(ledgerRows()).toEqual(ledger);
    expect(refusalOf(() => lc!.results.findKept(old.id, press()))).toMatchObject({ code: 'result_too_old', details: { id: old.id } });
    // Delete still works on it.
    expect(lc.results.find(old.id, press()).id).toBe(old.id);

    // The newer one passes the retention a day later, but the daily run already ran: it waits for the next day.
    lc.clock.advance(day - 2 * minute);
    await lc.tick();
    expect(lc.generations.get(newer.id)).toMatchObject({ erasedAt: null });
    lc.clock.advance(3 * minute);
    await lc.tick();
    expect(lc.generations.get(newer.id)).toMatchObject({ prompt: '', erasedBecause: 'expired' });
  });

  it('without PROMPT_RETENTION_DAYS nothing is ever blanked but what is removed', async () => {
    lc = await startLifecycle();
    const done = await finished('kept for good');
    lc.clock.advance(400 * day);
    await lc.tick();
    expect(lc.generations.get(done.id)).toMatchObject({ prompt: 'kept for good', erasedAt: null });
    expect(lc.db.$client.prepare('select count(*) as n from daily_runs').get()).toEqual({ n: 0 });
  });
});
