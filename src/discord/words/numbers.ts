/** Numbers as one language writes them: the grouping and decimal marks of its Intl locale. */
export function numberFormat(intlLocale: string) {
  const whole = new Intl.NumberFormat(intlLocale);
  const tenths = new Intl.NumberFormat(intlLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    number: (n: number) => whole.format(n),
    /** Megabytes to one decimal, for file sizes. */
    megabytes: (bytes: number) => tenths.format(bytes / 1024 / 1024),
  };
}

/** A duration split for writing as "m min s s" in any language. */
export function minutesAndSeconds(seconds: number): { minutes: number; rest: number } {
  return { minutes: Math.floor(seconds / 60), rest: Math.round(seconds % 60) };
}
