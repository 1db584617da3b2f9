import type { LocaleString } from 'discord.js';

/**
 * The languages the catalogue speaks, each with the Discord locale codes it answers; the first is
 * the fallback for every other Discord locale.
 */
export const discordCodes = {
  en: ['en-US', 'en-GB'],
  de: ['de'],
  fr: ['fr'],
  es: ['es-ES', 'es-419'],
  'pt-BR': ['pt-BR'],
  ja: ['ja'],
} as const satisfies Record<string, readonly LocaleString[]>;

export type Locale = keyof typeof discordCodes;
export const locales = Object.keys(discordCodes) as Locale[];
export const fallbackLocale: Locale = 'en';

/** Discord's locale codes (`en-US`, `es-419`, `pt-BR`, …) to the catalogue's; anything else reads the fallback. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  if (!discordLocale) return fallbackLocale;
  return locales.find((locale) => (discordCodes[locale] as readonly string[]).includes(discordLocale)) ?? fallbackLocale;
}
