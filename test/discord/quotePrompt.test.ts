import { describe, expect, it } from 'vitest';
import { quotePrompt } from '../../src/discord/render/format.js';

describe('quotePrompt', () => {
  it.each([
    ['a masked link', '[free nitro](https://evil.example)', '\\[free nitro](https://evil.example)'],
    ['a heading', '# BIG', '\\# BIG'],
    ['a list', '- one', '\\- one'],
    ['a numbered list', '1. one', '1\\. one'],
    ['a block quote', '> quoted', '\\> quoted'],
    ['subtext', '-# small', '\\-# small'],
    ['bold and spoilers', '**loud** ||hidden||', '\\*\\*loud\\*\\* \\|\\|hidden\\|\\|'],
    ['a channel, role and timestamp tag', '<#1> <@&2> <t:3:R>', '\\<#1> \\<@\u200b&2> \\<t:3:R>'],
    ['everyone', '@everyone', '@\u200beveryone'],
  ])('shows %s as the member typed it, inert', (_, prompt, shown) => {
    expect(quotePrompt(prompt)).toBe(shown);
  });

  it('shortens a long prompt to the limit with an ellipsis', () => {
    const shown = quotePrompt('a'.repeat(500), 300);
    expect(shown).toHaveLength(300);
    expect(shown.endsWith('…')).toBe(true);
  });
});
