import { DataSet, englishDataset, englishRecommendedTransformers, parseRawPattern, RegExpMatcher, type MatchPayload } from 'obscenity';
import { charAt, charBefore, foldText, isSpacedWordChar, isUnspaced, type FoldedText } from './foldedText.js';

/** What an entry becomes once folded: empty when it holds no letter or digit, so could never match. */
export const foldedEntry = (entry: string): string => foldText(entry).text;

/** Finds the first blocked entry a text contains, if any. */
export interface BlocklistMatcher {
  firstMatch(text: string): string | null;
}

interface EntryMeta {
  entry: string;
  /** Whether the entry's first and last letters are of scripts written with spaces: then the match must sit on word boundaries. */
  boundedStart: boolean;
  boundedEnd: boolean;
}

// Obscenity's pattern syntax: `[` `]` optional, `?` wildcard, `|` word boundary, `\` escape.
const escapePattern = (text: string) => text.replace(/[[\]?|\\]/g, (char) => `\\${char}`);

/**
 * The matcher of one server's entries (and, when on, obscenity's English list). Entries and text
 * are folded the same way (see foldText), obscenity's RegExpMatcher finds the entries in the folded
 * text, and a match counts only when it starts and ends on a word boundary of the original text:
 * `b.a.d` and `b a d` are `bad`, `grab a dog` and `badge` are not. An entry in a script written
 * without spaces matches anywhere.
 */
export function createBlocklistMatcher(entries: readonly string[], builtin: boolean): BlocklistMatcher {
  const dataset = new DataSet<EntryMeta>();
  for (const entry of entries) {
    const folded = foldedEntry(entry);
    if (folded === '') continue;
    const letters = [...entry.normalize('NFKC')].filter((char) => /[\p{L}\p{N}]/u.test(char));
    const meta: EntryMeta = { entry, boundedStart: !isUnspaced(letters[0] ?? ''), boundedEnd: !isUnspaced(letters.at(-1) ?? '') };
    dataset.addPhrase((phrase) => phrase.setMetadata(meta).addPattern(parseRawPattern(escapePattern(folded))));
  }
  const built = dataset.build();
  const custom = new RegExpMatcher(built);
  // One term's own matcher, for searching again where only that term's match can be hidden.
  const termMatchers = new Map<number, RegExpMatcher>();
  const matcherOfTerm = (termId: number): RegExpMatcher => {
    let matcher = termMatchers.get(termId);
    if (!matcher) {
      matcher = new RegExpMatcher({ blacklistedTerms: built.blacklistedTerms.filter((term) => term.id === termId) });
      termMatchers.set(termId, matcher);
    }
    return matcher;
  };
  const english = builtin ? new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers }) : null;

  // The longest folded entry: a match hidden by a rejected one ends at most this far past it.
  const longest = Math.max(0, ...entries.map((entry) => foldedEntry(entry).length));

  /**
   * The first entry found on word boundaries. Obscenity finds each entry's matches without
   * overlaps, so a match rejected for its boundaries may hide one that starts at a word inside it
   * (`abad` in `grab a bad`), and only of the same entry: the text from each such word to the end
   * of the rejected match, plus the longest entry, is searched again for that entry alone. Those
   * windows are short, so the search stays linear in the text.
   */
  function customMatch(original: string, folded: FoldedText): string | null {
    const windows: { from: number; to: number; matcher: RegExpMatcher; termId: number | null }[] = [{ from: 0, to: folded.text.length, matcher: custom, termId: null }];
    const searched = new Set<string>();
    while (windows.length > 0) {
      const { from, to, matcher, termId } = windows.shift()!;
      const key = `${termId}:${from}`;
      if (searched.has(key)) continue;
      searched.add(key);
      for (const match of matcher.getAllMatches(folded.text.slice(from, to), true)) {
        const meta = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata!;
        const start = folded.origins[from + match.startIndex]!;
        const lastStart = folded.origins[from + match.endIndex]!;
        const end = pastMarks(original, lastStart + (charAt(original, lastStart)?.length ?? 1));
        const startOk = !meta.boundedStart || !isSpacedWordChar(charBefore(original, start));
        const endOk = !meta.boundedEnd || !isSpacedWordChar(charAt(original, end));
        if (startOk && endOk) return meta.entry;
        const inner = wordStartWithin(original, start, end);
        if (inner === null) continue;
        const innerFrom = folded.origins.findIndex((origin) => origin >= inner);
        if (innerFrom > from) {
          windows.push({ from: innerFrom, to: Math.min(folded.text.length, from + match.endIndex + 1 + longest), matcher: matcherOfTerm(match.termId), termId: match.termId });
        }
      }
    }
    return null;
  }

  function builtinMatch(original: string): string | null {
    if (!english) return null;
    // Obscenity's English chain keeps ASCII letters only: accents and compatibility forms are resolved first.
    const plain = [...original].map((char) => char.normalize('NFKD').replace(/\p{M}/gu, '') || char).join('');
    const [match]: MatchPayload[] = english.getAllMatches(plain, true);
    return match ? (englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? plain.slice(match.startIndex, match.endIndex + 1)) : null;
  }

  return {
    firstMatch(text) {
      return customMatch(text, foldText(text)) ?? builtinMatch(text);
    },
  };
}

/** The index after any combining marks from `index` on: an accent typed apart belongs to its letter. */
function pastMarks(text: string, index: number): number {
  let at = index;
  while (at < text.length && /\p{M}/u.test(charAt(text, at)!)) at += charAt(text, at)!.length;
  return at;
}

/** The first index in (start, end) where a word written with spaces begins, if any. */
function wordStartWithin(text: string, start: number, end: number): number | null {
  for (let index = start + 1; index < end; index++) {
    const char = charAt(text, index);
    if (isSpacedWordChar(char) && !isSpacedWordChar(charBefore(text, index))) return index;
  }
  return null;
}
