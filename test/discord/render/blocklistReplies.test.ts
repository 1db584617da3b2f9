import { describe, expect, it } from 'vitest';
import { renderBlocklist } from '../../../src/discord/render/blocklistReplies.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { locales } from '../../../src/discord/words/locale.js';

describe('the blocklist as admins read it', () => {
  it.each(locales)('shows 500 entries of 100 characters, every one of them markup, over pages within Discord’s limits (%s)', (locale) => {
    const entries = Array.from({ length: 500 }, (_, i) => `${i}`.padEnd(100, '`*_'));
    const pages = renderBlocklist(entries, { count: 500, max: 500, builtin: true }, translator(locale));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(20);
    for (const page of pages) {
      expect(page.description!.length).toBeLessThanOrEqual(4096);
      expect(page.title!.length).toBeLessThanOrEqual(256);
      // One page each message: a private answer's embeds together stay under 6000 characters.
      expect(page.description!.length + page.title!.length).toBeLessThanOrEqual(6000);
    }
    const shown = pages.flatMap((page) => page.description!.split('\n').filter((line) => line.startsWith('• ')));
    expect(shown).toHaveLength(500);
    expect(shown[0]).toBe(`• \`${entries[0]!.replace(/`/g, "'")}\``);
  });

  it('says when nothing is blocked', () => {
    expect(renderBlocklist([], { count: 0, max: 500, builtin: false }, translator('en'))).toEqual([
      expect.objectContaining({ title: 'Blocked words: 0 of 500', description: 'No words or phrases are blocked in this server.\nThe built-in English list is off.' }),
    ]);
  });
});
