import { describe, expect, it } from 'vitest';
import { extensionRequest } from '../../../src/domain/generationRequest.js';
import { requestKeyOf } from '../../../src/domain/members/requestKey.js';

const original = { id: 7, aspectRatio: '16:9' as const, resolution: '720p' as const };
const frame = (n: number) => `https://cdn.discordapp.com/attachments/1/${n}/veo-7-last-frame.png?ex=${n}`;

describe('the key of an extension', () => {
  it('is the video it extends, not its frame posted anew for each press', () => {
    expect(requestKeyOf(extensionRequest(original, 'the heron takes off', frame(1)))).toBe(requestKeyOf(extensionRequest(original, 'the heron takes off', frame(2))));
    expect(requestKeyOf(extensionRequest(original, 'the heron takes off', frame(1)))).not.toBe(requestKeyOf(extensionRequest({ ...original, id: 8 }, 'the heron takes off', frame(1))));
    expect(requestKeyOf(extensionRequest(original, 'the heron takes off', frame(1)))).not.toBe(requestKeyOf(extensionRequest(original, 'the heron lands', frame(1))));
  });
});
