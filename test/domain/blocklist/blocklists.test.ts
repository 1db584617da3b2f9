import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle, type Lifecycle } from '../../support/lifecycleHarness.js';
import { refusalOf } from '../../support/refusalOf.js';

const ADMIN = '200000000000000009';

describe("a server's blocklist", () => {
  let lc: Lifecycle | undefined;
  afterEach(async () => {
    await lc?.close();
    lc = undefined;
  });

  it('takes comma-separated entries, normalised and once each, and removes them the same way', async () => {
    lc = await startLifecycle();
    const { blocklists } = lc;
    const guild = lc.member.guildId;
    expect(blocklists.add(guild, ' Heron ,heron,, ＢＡＤ、Straße ', ADMIN)).toEqual({ added: ['heron', 'bad', 'straße'], skipped: 0, count: 3 });
    expect(blocklists.add(guild, 'HERON, owl', ADMIN)).toEqual({ added: ['owl'], skipped: 1, count: 4 });
    expect(blocklists.list(guild)).toEqual(['bad', 'heron', 'owl', 'straße']);
    expect(blocklists.remove(guild, 'OWL, crow')).toEqual({ removed: 1, missing: 1, count: 3 });
    expect(blocklists.summary(guild)).toEqual({ count: 3, max: 500, builtin: false });
    blocklists.setBuiltin(guild, true, ADMIN);
    expect(blocklists.summary(guild).builtin).toBe(true);
    expect(blocklists.summary('100000000000000002')).toEqual({ count: 0, max: 500, builtin: false });
  });

  it('refuses, clearly, no entry, one over 100 characters, one without a letter or digit, and more than 500 in all', async () => {
    lc = await startLifecycle();
    const { blocklists } = lc;
    const guild = lc.member.guildId;
    expect(refusalOf(() => blocklists.add(guild, ' , ,', ADMIN)).code).toBe('blocklist_no_entries');
    expect(refusalOf(() => blocklists.add(guild, `ok, ${'x'.repeat(101)}`, ADMIN))).toMatchObject({ code: 'blocklist_entry_too_long', details: { max: 100 } });
    expect(refusalOf(() => blocklists.add(guild, 'fine, ---', ADMIN))).toMatchObject({ code: 'blocklist_entry_no_letters', details: { entry: '---' } });
    expect(blocklists.list(guild)).toEqual([]);
    expect(blocklists.add(guild, 'x'.repeat(100), ADMIN).count).toBe(1);

    const many = Array.from({ length: 499 }, (_, i) => `word${i}`).join(',');
    expect(blocklists.add(guild, many, ADMIN).count).toBe(500);
    expect(refusalOf(() => blocklists.add(guild, 'one more, and another', ADMIN))).toMatchObject({ code: 'blocklist_full', details: { max: 500, count: 500, adding: 2 } });
    expect(blocklists.add(guild, 'word1', ADMIN)).toEqual({ added: [], skipped: 1, count: 500 });
  });
});
