type Section = Record<string, unknown>;

/** The keys that appear in more than one of the sections. */
type SharedKeys<T extends readonly Section[], Seen extends PropertyKey = never> = T extends readonly [
  infer First extends Section,
  ...infer Rest extends readonly Section[],
]
  ? Extract<keyof First, Seen> | SharedKeys<Rest, Seen | keyof First>
  : never;

type Merged<T extends readonly Section[]> = T extends readonly [infer First, ...infer Rest extends readonly Section[]]
  ? First & Merged<Rest>
  : unknown;

/** Names the shared message ids in the compiler's error, where a bare `never` would not. */
type NoSharedKeys<T extends readonly Section[]> = [SharedKeys<T>] extends [never]
  ? unknown
  : { 'message ids defined in two sections': SharedKeys<T> };

/**
 * A language's catalogue from its section files. A message id written in two sections fails to
 * compile, where an object spread would let the later one silently win.
 */
export function sections<const T extends readonly Section[]>(...parts: T & NoSharedKeys<T>): { [K in keyof Merged<T>]: Merged<T>[K] } {
  return Object.assign({}, ...parts);
}
