import { describe, expect, it } from 'vitest';
import { sections } from '../../../src/discord/words/sections.js';

describe('sections', () => {
  it('joins a language’s sections into one catalogue', () => {
    const hello = { 'greet.hello': () => 'Hello' };
    const bye = { 'greet.bye': (p: { name: string }) => `Bye, ${p.name}` };
    const words = sections(hello, bye);
    expect(Object.keys(words)).toEqual(['greet.hello', 'greet.bye']);
    expect(words['greet.bye']({ name: 'Ada' })).toBe('Bye, Ada');
  });

  it('does not compile when two sections define the same message id', () => {
    const first = { 'greet.hello': () => 'Hello', 'greet.bye': () => 'Bye' };
    const second = { 'greet.hello': () => 'Hi' };
    // @ts-expect-error: 'greet.hello' is in both sections
    const words = sections(first, second);
    // Were it to compile, the later section would silently win: the reason it must not.
    expect(words['greet.hello']()).toBe('Hi');
  });
});
