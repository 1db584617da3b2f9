import { describe, expect, it } from 'vitest';
import { createBlocklistMatcher } from '../../../src/domain/blocklist/blocklistMatcher.js';

const custom = createBlocklistMatcher(['bad', 'bad word', 'café', 'straße', 'сука', '馬鹿', 'ฆ่า', 'cunt', 'ass', 'a[b]?|c\\d'], false);
const first = (text: string) => custom.firstMatch(text);

describe('the blocklist matcher', () => {
  it.each([
    ['bad', 'bad'],
    ['BAD!', 'bad'],
    ['b.a.d', 'bad'],
    ['b a d', 'bad'],
    ['b-a_d', 'bad'],
    ['b4d', 'bad'],
    ['b@d idea', 'bad'],
    ['ｂａｄ', 'bad'],
    ['𝐛𝐚𝐝', 'bad'],
    ['Ƅad'.replace('Ƅ', 'b'), 'bad'],
    ['so bád', 'bad'],
    ['a bad word', 'bad'],
    ['pas mal, pas BAD.', 'bad'],
    ['bad🙂', 'bad'],
  ])('finds %j', (text, entry) => {
    expect(first(text)).toBe(entry);
  });

  it.each(['grab a dog', 'badge', 'notbad', 'Scunthorpe', 'a classic assassin', 'bass', 'ba', 'good'])('lets %j through (Scunthorpe)', (text) => {
    expect(first(text)).toBeNull();
  });

  it('matches non-ASCII entries however they are typed: accents, ß, Cyrillic and its Latin look-alikes', () => {
    expect(first('un CAFE noir')).toBe('café');
    expect(first('un cafe\u0301 noir')).toBe('café');
    expect(first('cafés')).toBeNull();
    expect(first('die STRASSE')).toBe('straße');
    expect(first('die Strasse.')).toBe('straße');
    expect(first('Straßenbahn')).toBeNull();
    expect(first('ты СУКА')).toBe('сука');
    expect(first('cyka blyat')).toBe('сука');
  });

  it('matches entries of scripts written without spaces anywhere in a word', () => {
    expect(first('お前は馬鹿だ')).toBe('馬鹿');
    expect(first('ไปฆ่าเขา')).toBe('ฆ่า');
    expect(first('お前は賢い')).toBeNull();
  });

  it('finds an entry a rejected match overlapped (`abad` inside `grab a bad`)', () => {
    const overlapping = createBlocklistMatcher(['abad'], false);
    expect(overlapping.firstMatch('grab a bad')).toBe('abad');
    expect(overlapping.firstMatch('grab a badge')).toBeNull();
  });

  it('takes what admins type literally: obscenity’s pattern syntax is escaped', () => {
    expect(first('x a[b]?|c\\d y')).toBe('a[b]?|c\\d');
    // `|` reads as the `l` it looks like; the brackets, `?` and `\` are separators.
    expect(first('x abl-cd y')).toBe('a[b]?|c\\d');
    expect(first('x abcd y')).toBeNull();
    expect(first('x ac y')).toBeNull();
  });

  it('adds obscenity’s English list only when asked', () => {
    expect(first('what the fuck')).toBeNull();
    const builtin = createBlocklistMatcher([], true);
    expect(builtin.firstMatch('what the fuck')).toBe('fuck');
    expect(builtin.firstMatch('what the fück')).toBe('fuck');
    expect(builtin.firstMatch('Scunthorpe, an assassin')).toBeNull();
  });

  it('checks a 4000-character prompt against 500 entries', () => {
    const entries = Array.from({ length: 500 }, (_, i) => `blocked${i.toString(36)}word`);
    const matcher = createBlocklistMatcher(entries, true);
    const prompt = 'a fox runs through the snowy forest at dawn, '.repeat(90).slice(0, 4000);
    expect(matcher.firstMatch(prompt)).toBeNull();
    expect(matcher.firstMatch(`${prompt.slice(0, 3980)} blocked9rword`)).toBe('blocked9rword');
  });
});
