/**
 * The shape another language must give an English section: every message, with the same
 * parameters, returning any text (English's literal return types would otherwise bind).
 */
export type Words<English extends Record<string, (...args: never[]) => string>> = {
  [K in keyof English]: (...args: Parameters<English[K]>) => string;
};
