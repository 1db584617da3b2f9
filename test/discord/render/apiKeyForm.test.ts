import type { ModalSubmitInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src/domain/errors.js';
import { readApiKeyForm } from '../../../src/discord/render/apiKeyForm.js';

const submitted = (value: string) => ({ fields: { getTextInputValue: (id: string) => (id === 'key' ? value : '') } }) as unknown as Pick<ModalSubmitInteraction, 'fields'>;

const refusal = (value: string): string | undefined => {
  try {
    readApiKeyForm(submitted(value));
  } catch (error) {
    if (error instanceof UserFacingError) return error.code;
    throw error;
  }
  return undefined;
};

describe('the pasted key, read at the edge', () => {
  it('is trimmed and handed on in the shape the domain checks', () => {
    expect(readApiKeyForm(submitted('  np-live-abcdef123456\n'))).toBe('np-live-abcdef123456');
  });

  it('is refused with a sentence when it is too short, too long, or holds spaces or other characters', () => {
    for (const value of ['short', '   ', 'np-live abcdef123456', `np-${'x'.repeat(200)}`, 'np-live-abcdéf123456', 'np-live-\u0000abcdef']) {
      expect(refusal(value)).toBe('server_key_malformed');
    }
  });
});
