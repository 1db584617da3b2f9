import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../db/client.js';
import { createQueueTurnsRepo } from '../../db/queueTurnsRepo.js';

describe('the queue turns repository', () => {
  it('keeps each lane’s last server and each server’s last member, across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veo-turns-repo-'));
    try {
      const path = join(dir, 'bot.db');
      const db = openDb(path);
      const turns = createQueueTurnsRepo(db);
      expect(turns.state('operator')).toEqual({ lastGuildId: null, lastMemberOf: new Map() });
      turns.served('operator', '1', 'x');
      turns.served('operator', '2', 'y');
      turns.served('operator', '1', 'z');
      turns.served('guild:2', '2', 'w');
      closeDb(db);

      const reopened = openDb(path);
      const again = createQueueTurnsRepo(reopened);
      expect(again.state('operator')).toEqual({ lastGuildId: '1', lastMemberOf: new Map([['1', 'z'], ['2', 'y']]) });
      expect(again.state('guild:2')).toEqual({ lastGuildId: '2', lastMemberOf: new Map([['2', 'w']]) });
      closeDb(reopened);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
