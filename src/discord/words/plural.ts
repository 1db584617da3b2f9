import type { Locale } from './locale.js';

/**
 * The plural categories each language has for counting (Intl's cardinal rules, as
 * `new Intl.PluralRules(locale).resolvedOptions().pluralCategories` lists them; a test holds
 * this table to Intl). French, Spanish and Portuguese have a form for large round numbers
 * ("1 000 000 de crédits"); Japanese does not inflect at all.
 */
export const pluralCategories = {
  en: ['one', 'other'],
  de: ['one', 'other'],
  fr: ['one', 'many', 'other'],
  es: ['one', 'many', 'other'],
  'pt-BR': ['one', 'many', 'other'],
  ja: ['other'],
} as const satisfies Record<Locale, readonly Intl.LDMLPluralRule[]>;

/** One text for each plural category of a language: no more, no fewer. */
export type PluralForms<L extends Locale> = Record<(typeof pluralCategories)[L][number], string>;

/** The form of a text that agrees with a count, chosen by the language's own plural rules. */
export function pluralFor<L extends Locale>(locale: L): (count: number, forms: PluralForms<L>) => string {
  const rules = new Intl.PluralRules(locale);
  return (count, forms) => {
    // Every language has "other"; the table's test keeps the rest of it in step with Intl.
    const byCategory = forms as Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
    return byCategory[rules.select(count)] ?? byCategory.other;
  };
}
