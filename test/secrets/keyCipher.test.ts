import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyCipher } from '../../src/secrets/keyCipher.js';

const guild = '100000000000000001';
const otherGuild = '100000000000000002';

describe('the key cipher (AES-256-GCM)', () => {
  const cipher = createKeyCipher(randomBytes(32));

  it('opens what it sealed, and the sealed bytes do not contain the key', () => {
    const sealed = cipher.seal('np-live-abcdef123456', guild);
    expect(cipher.open(sealed, guild)).toBe('np-live-abcdef123456');
    expect(JSON.stringify(sealed)).not.toContain('abcdef123456');
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
  });

  it('draws a new random IV for every seal, so the same key never seals to the same bytes', () => {
    const seals = Array.from({ length: 50 }, () => cipher.seal('np-live-same-key', guild));
    expect(new Set(seals.map((s) => s.iv)).size).toBe(50);
    expect(new Set(seals.map((s) => s.ciphertext + s.tag)).size).toBe(50);
  });

  it("binds the server id: a key copied into another server's row does not open", () => {
    const sealed = cipher.seal('np-live-abcdef123456', guild);
    expect(cipher.open(sealed, otherGuild)).toBeUndefined();
  });

  it('does not open with another secret, nor once a byte was changed', () => {
    const sealed = cipher.seal('np-live-abcdef123456', guild);
    expect(createKeyCipher(randomBytes(32)).open(sealed, guild)).toBeUndefined();
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(cipher.open({ ...sealed, ciphertext: bytes.toString('base64') }, guild)).toBeUndefined();
  });

  it('does not open with a truncated tag, nor with an IV of another length', () => {
    const sealed = cipher.seal('np-live-abcdef123456', guild);
    const tag = Buffer.from(sealed.tag, 'base64');
    for (const length of [4, 8, 12, 15]) expect(cipher.open({ ...sealed, tag: tag.subarray(0, length).toString('base64') }, guild)).toBeUndefined();
    expect(cipher.open({ ...sealed, iv: Buffer.concat([Buffer.from(sealed.iv, 'base64'), Buffer.alloc(4)]).toString('base64') }, guild)).toBeUndefined();
    expect(cipher.open(sealed, guild)).toBe('np-live-abcdef123456');
  });

  it('takes only a 32-byte secret', () => {
    expect(() => createKeyCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
