import { escapeMarkdown } from 'discord.js';

/** A prompt as plain text in an embed: markdown escaped, mentions inert, long ones shortened. */
export function quotePrompt(prompt: string, max = 300): string {
  const short = prompt.length > max ? `${prompt.slice(0, max - 1)}…` : prompt;
  return escapeMarkdown(short, { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    // Block quotes, subtext and <…> tags (channels, roles, timestamps) would render too.
    .replace(/^(\s*)(>|-#)/gm, '$1\\$2')
    .replace(/</g, '\\<')
    .replace(/@/g, '@\u200b');
}

export const colors = {
  working: 0x5865f2,
  done: 0x57f287,
  partial: 0xfee75c,
  failed: 0xed4245,
  idle: 0x99aab5,
} as const;

/** Keeps whole lines within a Discord limit; `more` says how many were left out. */
export function fitLines(lines: string[], limit: number, more: (count: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const tail = more(lines.length - index).length + 1;
    if (length + line.length + 1 + (index < lines.length - 1 ? tail : 0) > limit) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

// What could end a link early (`)`, `>`, a space) or open markdown of its own around it (`[`, `]`,
// `|`, a backtick, `\`), and what a stored link should never hold (whitespace, control and invisible
// format characters). None is needed raw: a server reads %28 as (.
const unsafeInLinks = /[\s\p{Cc}\p{Cf}()[\]<>"`|\\]/gu;
const utf8 = new TextEncoder();
// A link can repeat one such character thousands of times: each is encoded once.
const encodedCharacters = new Map<string, string>();
const percentEncoded = (character: string): string => {
  let encoded = encodedCharacters.get(character);
  if (encoded === undefined) {
    encoded = [...utf8.encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    encodedCharacters.set(character, encoded);
  }
  return encoded;
};

/**
 * A link as shown anywhere in a message (content, embed, masked link, button): one helper, so a
 * vendor or member link can never carry markdown into a public message. For display only: the
 * stored link, and the one downloaded, stay as they are.
 */
export function linkForDisplay(url: string): string {
  return url.replace(unsafeInLinks, percentEncoded);
}
