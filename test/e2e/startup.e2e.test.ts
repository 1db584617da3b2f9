import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start without settings', () => {
  it('exits non-zero with one message naming every missing setting, and no stack trace', () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
    // Run from an empty folder so a developer's own .env cannot fill the gaps.
    const cwd = mkdtempSync(join(tmpdir(), 'veo-start-'));
    const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [join(import.meta.dirname, '..', '..', 'src', 'index.ts')], { cwd, env, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is missing');
    expect(result.stderr).toContain('NANOPHOTO_API_KEY or NANOPHOTO_API_KEYS is missing');
    expect(result.stderr).toContain('.env.example');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
