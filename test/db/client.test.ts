import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../db/client.js';

describe('openDb', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('creates the file and its folder readable by the owner only, and migrates it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veo-db-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'bot.db');
    const db = openDb(path);
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    closeDb(db);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    expect(tables).toEqual(expect.arrayContaining(['generations', 'shots']));
  });

  it('opens an existing database again without re-applying migrations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veo-db-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    closeDb(openDb(path));
    const db = openDb(path);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    closeDb(db);
  });
});
