/** The languages the catalogue speaks; the first is the fallback for every other Discord locale. */
export const locales = ['en'] as const;
export type Locale = (typeof locales)[number];
export const fallbackLocale: Locale = 'en';

/**
 * Discord's locale codes (`en-US`, `en-GB`, `es-419`, …) to the catalogue's: a code is matched
 * whole, then by its language; anything else reads the fallback.
 */
export function localeOf(discordLocale: string | null | undefined): Locale {
  if (!discordLocale) return fallbackLocale;
  const whole = locales.find((locale) => locale === discordLocale);
  if (whole) return whole;
  const language = discordLocale.split('-')[0];
  return locales.find((locale) => locale === language) ?? fallbackLocale;
}
