import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { SecretBox } from '../domain/ports.js';

const IV_BYTES = 12;

/** AES-256-GCM under a 32-byte key, each seal with its own random 12-byte IV. */
export function createKeyCipher(secret: Buffer): SecretBox {
  if (secret.length !== 32) throw new Error('an AES-256 key is 32 bytes');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
    },
    open(sealed, context) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(sealed.iv, 'base64'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // GCM's tag check failed: another key, another context, or altered bytes.
        return undefined;
      }
    },
  };
}
