import { de } from './de/index.js';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { fr } from './fr/index.js';
import { ja } from './ja/index.js';
import { fallbackLocale, type Locale } from './locale.js';
import { ptBR } from './pt-BR/index.js';
import type { Words } from './words.js';

/** Message ids and their parameters; every locale has each id with the same parameters. */
export type Catalogue = Words<typeof en>;
export type MessageId = keyof Catalogue;
export type ParamsOf<K extends MessageId> = Parameters<Catalogue[K]>;

export const catalogues: Record<Locale, Catalogue> = { en, de, fr, es, 'pt-BR': ptBR, ja };

/** The text of one message in one locale. */
export function t<K extends MessageId>(locale: Locale, id: K, ...params: ParamsOf<K>): string {
  const message = (catalogues[locale] ?? catalogues[fallbackLocale])[id] as (...args: ParamsOf<K>) => string;
  return message(...params);
}

/** `t` with the locale fixed, for a renderer that writes one message. */
export type Translate = <K extends MessageId>(id: K, ...params: ParamsOf<K>) => string;

export const translator =
  (locale: Locale): Translate =>
  (id, ...params) =>
    t(locale, id, ...params);
