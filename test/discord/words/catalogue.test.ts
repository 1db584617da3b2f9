import { describe, expect, it } from 'vitest';
import { t, type MessageId, type ParamsOf } from '../../../src/discord/words/catalogue.js';
import { localeOf, locales } from '../../../src/discord/words/locale.js';
import { samples } from './worstCase.js';

const ids = Object.keys(samples) as MessageId[];
const render = <K extends MessageId>(locale: (typeof locales)[number], id: K, params: ParamsOf<K>) => t(locale, id, ...params);

describe('the catalogue', () => {
  it.each(locales)('keeps every message of %s inside the Discord limit of where it is shown, with the worst parameters', (locale) => {
    const over: string[] = [];
    for (const id of ids) {
      const { limit, params } = samples[id];
      for (const set of params) {
        const text = render(locale, id, set as ParamsOf<typeof id>);
        expect(text.trim(), id).not.toBe('');
        expect(text, id).not.toMatch(/undefined|NaN|\[object |null/);
        if (text.length > limit) over.push(`${id}: ${text.length} > ${limit}`);
      }
    }
    expect(over).toEqual([]);
  });

  it('writes Discord markup with its own helpers: timestamps, mentions, and the current period', () => {
    const resetsAt = new Date('2026-01-05T00:00:00.999Z');
    const spent = t('en', 'refusal.quota_budget_spent', { budget: 100, used: 100, cost: 10, period: 'day', resetsAt });
    expect(spent).toBe("This server's video budget is spent: 100 of 100 credits used today. It resets <t:1767571200:R>.");
    expect(t('en', 'credits.resets', { period: 'week', resetsAt })).toBe('The weekly budget resets <t:1767571200:R> (<t:1767571200:f>).');
    expect(t('en', 'refusal.give_back_over_used', { userId: '200000000000000001', used: 5, period: 'month' })).toBe(
      '<@200000000000000001> has used 5 credits this month, so at most 5 can be given back.',
    );
    expect(t('en', 'credits.cap', { cap: 40, source: 'role', roleId: '500000000000000001' })).toBe('40 credits (from <@&500000000000000001>)');
  });

  it('keeps a member’s file name from closing the quotes around it', () => {
    expect(t('en', 'refusal.not_an_image', { name: 'a".png' })).toBe(`"a'.png" is not a PNG, JPEG or WebP image.`);
  });
});

describe('localeOf', () => {
  it('reads both of Discord’s English codes, and anything unknown, as English', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('ko')).toBe('en');
    expect(localeOf(null)).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});
