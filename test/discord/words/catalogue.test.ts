import { describe, expect, it } from 'vitest';
import { catalogues, t, type MessageId, type ParamsOf } from '../../../src/discord/words/catalogue.js';
import { discordCodes, localeOf, locales, type Locale } from '../../../src/discord/words/locale.js';
import { samples } from './worstCase.js';

const ids = Object.keys(samples) as MessageId[];
const render = <K extends MessageId>(locale: Locale, id: K, params: ParamsOf<K>) => t(locale, id, ...params);
const translated = locales.filter((locale) => locale !== 'en');

/** Messages that read the same in a language as in English: no words, or a word the languages share. */
const sameAsEnglish: Record<Locale, readonly MessageId[]> = {
  en: [],
  de: ['confirm.field.video', 'credits.title', 'result.remix', 'result.details', 'remix.prompt.label'],
  fr: ['generation.field.mode', 'aspect.name', 'generation.source', 'result.remix', 'remix.prompt.label', 'approval.images'],
  es: ['status.videoLink', 'confirm.field.video', 'status.videoDetails', 'result.remix', 'remix.prompt.label'],
  'pt-BR': ['result.remix', 'remix.prompt.label'],
  ja: [],
};
const languageFree: readonly MessageId[] = ['number', 'time.relative', 'generation.mode', 'generation.duration', 'confirm.video', 'confirm.shot', 'moderation.log'];

describe('every language', () => {
  it.each(translated)('%s has exactly the English message ids, each a message', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(catalogues.en).sort());
    for (const message of Object.values(catalogues[locale])) expect(typeof message).toBe('function');
  });

  it.each(translated)('%s translates every message that has words', (locale) => {
    const untranslated = ids.filter(
      (id) =>
        ![...languageFree, ...sameAsEnglish[locale]].includes(id) &&
        samples[id].params.some((set) => render(locale, id, set as ParamsOf<typeof id>) === render('en', id, set as ParamsOf<typeof id>)),
    );
    expect(untranslated).toEqual([]);
  });

  it('writes numbers the way each language does', () => {
    const written = Object.fromEntries(locales.map((locale) => [locale, t(locale, 'number', { value: 1234567 })]));
    expect(written).toEqual({ en: '1,234,567', de: '1.234.567', fr: '1\u202f234\u202f567', es: '1.234.567', 'pt-BR': '1.234.567', ja: '1,234,567' });
    expect(t('de', 'credits.amount', { credits: 12500 })).toBe('12.500 Credits');
    expect(t('fr', 'credits.amount', { credits: 1 })).toBe('1 crédit');
    expect(t('ja', 'credits.amount', { credits: 12500 })).toBe('12,500クレジット');
    expect(t('de', 'refusal.image_too_large', { name: 'a.png', bytes: 12.5 * 1024 * 1024, maxBytes: 10 * 1024 * 1024 })).toBe(
      '„a.png“ ist 12,5 MB groß; Bilder dürfen höchstens 10 MB groß sein.',
    );
    expect(t('ja', 'generation.duration', { seconds: 125 })).toBe('2分5秒');
  });

  it('leaves Discord timestamps to Discord, which shows them in each reader’s language and time zone', () => {
    const resetsAt = new Date('2026-01-05T00:00:00.999Z');
    for (const locale of locales) expect(t(locale, 'credits.resets', { period: 'week', resetsAt })).toContain('<t:1767571200:R>');
  });
});

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

  it('keeps a member’s file name from closing the quotes around it, in every language', () => {
    expect(t('en', 'refusal.not_an_image', { name: 'a".png' })).toBe(`"a'.png" is not a PNG, JPEG or WebP image.`);
    expect(t('de', 'refusal.not_an_image', { name: 'a“.png' })).toBe('„a\'.png“ ist kein PNG-, JPEG- oder WebP-Bild.');
    expect(t('ja', 'refusal.not_an_image', { name: 'a」.png' })).toBe('「a\'.png」は PNG・JPEG・WebP の画像ではありません。');
  });
});

describe('localeOf', () => {
  it('reads each Discord code of a language as that language', () => {
    expect(localeOf('de')).toBe('de');
    expect(localeOf('fr')).toBe('fr');
    expect(localeOf('es-ES')).toBe('es');
    expect(localeOf('es-419')).toBe('es');
    expect(localeOf('pt-BR')).toBe('pt-BR');
    expect(localeOf('ja')).toBe('ja');
    for (const locale of locales) for (const code of discordCodes[locale]) expect(localeOf(code)).toBe(locale);
  });

  it('reads both of Discord’s English codes, and anything unknown, as English', () => {
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('ko')).toBe('en');
    expect(localeOf(null)).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});
