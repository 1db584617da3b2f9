import type { LocalizationMap } from 'discord.js';
import { translator, type Translate } from './catalogue.js';
import { discordCodes, fallbackLocale, locales } from './locale.js';

/** Words the command picker shows: the fallback language's, and each other language's under its Discord codes. */
export function inEveryLocale(words: (say: Translate) => string): { text: string; localizations: LocalizationMap } {
  const localizations: LocalizationMap = {};
  for (const locale of locales.filter((l) => l !== fallbackLocale)) {
    const text = words(translator(locale));
    for (const code of discordCodes[locale]) localizations[code] = text;
  }
  return { text: words(translator(fallbackLocale)), localizations };
}

interface Describable {
  setDescription(description: string): this;
  setDescriptionLocalizations(localizations: LocalizationMap | null): this;
}

/** A command's or option's description, in every language the catalogue speaks. */
export function described<B extends Describable>(builder: B, words: (say: Translate) => string): B {
  const { text, localizations } = inEveryLocale(words);
  return builder.setDescription(text).setDescriptionLocalizations(localizations);
}

/** An option choice whose name the picker shows in the member's language; its value stays what members type. */
export function choice<V extends string>(value: V, words: (say: Translate) => string) {
  const { text, localizations } = inEveryLocale(words);
  return { name: text, name_localizations: localizations, value };
}
