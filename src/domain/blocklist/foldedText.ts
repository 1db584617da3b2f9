import { resolveConfusablesTransformer, resolveLeetSpeakTransformer } from 'obscenity';

/**
 * Text as the blocklist compares it, with where each of its characters came from in the original.
 * Obscenity's transformers map one character to one (or none), and its English chain keeps ASCII
 * letters only; so what maps one character to several (NFKC's ligatures, `ß` → `ss`) and what must
 * keep every script's letters (dropping separators, not letters) is done here, around obscenity's
 * own look-alike and letter-for-digit tables.
 */
export interface FoldedText {
  text: string;
  /** For each UTF-16 unit of `text`, the index of the original character it came from. */
  origins: number[];
}

const confusables = resolveConfusablesTransformer();
const leetSpeak = resolveLeetSpeakTransformer();
const combiningMark = /\p{M}/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

/** One original character, compatibility-decomposed, case-folded (`ß` → `ss`) and without accents. */
function baseLetters(char: string): string {
  const decomposed = char.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFD');
  let kept = '';
  for (const part of decomposed) if (!combiningMark.test(part)) kept += part;
  return kept;
}

/** A look-alike resolved (`а` Cyrillic, `𝐚` → `a`), then a digit or symbol read as the letter it stands for (`4`, `@` → `a`). */
function resolved(codePoint: number): string {
  const plain = String.fromCodePoint(confusables.transform(codePoint) ?? codePoint).toLowerCase();
  const first = plain.codePointAt(0)!;
  return String.fromCodePoint(leetSpeak.transform(first) ?? first) + plain.slice(String.fromCodePoint(first).length);
}

/** The text folded for matching: only letters and digits remain, separators inside words dropped. */
export function foldText(original: string): FoldedText {
  let text = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of original) {
    for (const part of baseLetters(char)) {
      for (const out of resolved(part.codePointAt(0)!)) {
        if (!letterOrDigit.test(out)) continue;
        text += out;
        for (let unit = 0; unit < out.length; unit++) origins.push(index);
      }
    }
    index += char.length;
  }
  return { text, origins };
}

// Scripts written without spaces between words: an entry in one of them matches inside words.
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

export const isUnspaced = (char: string): boolean => unspacedScript.test(char);

/** A character of a word written with spaces around it: a letter, digit or mark not of an unspaced script. */
export const isSpacedWordChar = (char: string | undefined): boolean =>
  char !== undefined && /[\p{L}\p{N}\p{M}]/u.test(char) && !isUnspaced(char);

/** The character at `index` of `text`, whole (both halves of a surrogate pair). */
export const charAt = (text: string, index: number): string | undefined => {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
};

/** The character that ends just before `index`. */
export const charBefore = (text: string, index: number): string | undefined => {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return charAt(text, start);
};
