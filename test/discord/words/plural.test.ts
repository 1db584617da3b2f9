import { describe, expect, it } from 'vitest';
import { t } from '../../../src/discord/words/catalogue.js';
import { locales } from '../../../src/discord/words/locale.js';
import { pluralCategories, pluralFor } from '../../../src/discord/words/plural.js';

const credits = (locale: Parameters<typeof t>[0], n: number) => t(locale, 'credits.amount', { credits: n });

describe('pluralFor', () => {
  it.each(locales)('knows exactly the plural categories Intl gives %s for counting', (locale) => {
    const fromIntl = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    expect([...pluralCategories[locale]].sort()).toEqual([...fromIntl].sort());
  });

  it('has English and German agree with one only for 1', () => {
    for (const locale of ['en', 'de'] as const) {
      const plural = pluralFor(locale);
      expect([0, 1, 2, 1_000_000].map((n) => plural(n, { one: 'one', other: 'other' }))).toEqual(['other', 'one', 'other', 'other']);
    }
    expect([0, 1, 2].map((n) => credits('en', n))).toEqual(['0 credits', '1 credit', '2 credits']);
    expect([0, 1, 2].map((n) => credits('de', n))).toEqual(['0 Credits', '1 Credit', '2 Credits']);
  });

  it('has French write 0 and 1 in the singular, and large round numbers with "de"', () => {
    const plural = pluralFor('fr');
    const forms = { one: 'one', many: 'many', other: 'other' };
    expect([0, 1, 2, 1_000_000, 1_000_001, 2_000_000].map((n) => plural(n, forms))).toEqual(['one', 'one', 'other', 'many', 'other', 'many']);
    expect([0, 1, 2, 1_000_000, 1_000_001].map((n) => credits('fr', n))).toEqual([
      '0 crédit',
      '1 crédit',
      '2 crédits',
      '1\u202f000\u202f000 de crédits',
      '1\u202f000\u202f001 crédits',
    ]);
  });

  it('has Spanish write only 1 in the singular, and large round numbers with "de"', () => {
    const plural = pluralFor('es');
    const forms = { one: 'one', many: 'many', other: 'other' };
    expect([0, 1, 2, 1_000_000, 1_000_001].map((n) => plural(n, forms))).toEqual(['other', 'one', 'other', 'many', 'other']);
    expect([0, 1, 2, 1_000_000, 1_000_001].map((n) => credits('es', n))).toEqual([
      '0 créditos',
      '1 crédito',
      '2 créditos',
      '1.000.000 de créditos',
      '1.000.001 créditos',
    ]);
  });

  it('has Brazilian Portuguese write 0 and 1 in the singular, and large round numbers with "de"', () => {
    const plural = pluralFor('pt-BR');
    const forms = { one: 'one', many: 'many', other: 'other' };
    expect([0, 1, 2, 1_000_000, 1_000_001].map((n) => plural(n, forms))).toEqual(['one', 'one', 'other', 'many', 'other']);
    expect([0, 1, 2, 1_000_000, 1_000_001].map((n) => credits('pt-BR', n))).toEqual([
      '0 crédito',
      '1 crédito',
      '2 créditos',
      '1.000.000 de créditos',
      '1.000.001 créditos',
    ]);
  });

  it('has Japanese one form for every count', () => {
    const plural = pluralFor('ja');
    expect([0, 1, 2, 1_000_000].map((n) => plural(n, { other: 'other' }))).toEqual(['other', 'other', 'other', 'other']);
    expect(credits('ja', 1)).toBe('1クレジット');
  });

  it('makes each language give exactly its own forms', () => {
    // @ts-expect-error: French needs the form for large round numbers; without it, "1 000 000 crédits" would read wrong
    expect(pluralFor('fr')(1_000_000, { one: 'crédit', other: 'crédits' })).toBe('crédits');
    // @ts-expect-error: English has no form for large round numbers
    expect(pluralFor('en')(2, { one: 'credit', many: 'credits', other: 'credits' })).toBe('credits');
    // @ts-expect-error: Japanese has no singular
    expect(pluralFor('ja')(1, { one: 'x', other: 'クレジット' })).toBe('クレジット');
  });

  it('makes the words around a count agree with it, in the messages that choose a form', () => {
    expect(t('fr', 'adjust.done', { userId: '1', credits: 1, memberUsed: 0, serverUsed: 1_000_000 })).toBe(
      '1 crédit rendu à <@1>. Ce membre a maintenant utilisé 0 crédit sur cette période ; le serveur 1\u202f000\u202f000 de crédits.',
    );
    expect(t('es', 'adjust.done', { userId: '1', credits: -1, memberUsed: 2, serverUsed: 2 })).toBe(
      'Se quitó 1 crédito a <@1>. Ahora lleva 2 créditos usados en este período; el servidor, 2 créditos.',
    );
    expect(t('pt-BR', 'usage.total', { used: 2, budget: 2 })).toBe('**2 créditos** usados de um orçamento de 2 créditos; resta 0 crédito.');
    expect(t('es', 'generation.shotsAttached', { attached: 1, total: 3 })).toMatch(/^La toma 1 está adjunta;/);
    expect(t('de', 'generation.partialShots', { failed: 1, total: 3 })).toMatch(/^1 von 3 Szenen konnte nicht/);
    expect(t('en', 'details.videos', { count: 1 })).toBe('**Video** (1 link)');
  });
});
