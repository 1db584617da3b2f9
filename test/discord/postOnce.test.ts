import type { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { postOnce } from '../../src/discord/postOnce.js';
import type { MessageBody } from '../../src/discord/render/generationMessage.js';

/** Discord's side of an enforced nonce: the first post makes the message, later ones get it back. */
function discordWithNonces() {
  const calls: { method: string; route: string; body: Record<string, unknown> }[] = [];
  const byNonce = new Map<string, Record<string, unknown>>();
  const rest = {
    async post(route: string, { body }: { body: Record<string, unknown> }) {
      calls.push({ method: 'POST', route, body });
      const nonce = String(body['nonce']);
      if (!byNonce.has(nonce)) byNonce.set(nonce, { id: String(900 + byNonce.size), content: body['content'], embeds: body['embeds'], attachments: [] });
      return byNonce.get(nonce);
    },
    async patch(route: string, { body }: { body: Record<string, unknown> }) {
      calls.push({ method: 'PATCH', route, body });
      return {};
    },
  };
  return { rest: rest as unknown as REST, calls };
}

const body = (title: string, content = 'https://video.test/a.mp4'): MessageBody => ({
  content,
  embeds: [{ title, description: 'a fox', fields: [{ name: 'Mode', value: 'text', inline: true }], footer: { text: 'Generation #7' } }],
  components: [],
  allowed_mentions: { parse: [] },
});

describe('postOnce', () => {
  it('posts with an enforced nonce and leaves a fresh message alone', async () => {
    const { rest, calls } = discordWithNonces();
    expect(await postOnce(rest, '300', { body: body('🎬 Generating') }, 'v7c0')).toBe('900');
    expect(calls.map((c) => c.method)).toEqual(['POST']);
    expect(calls[0]!.body).toMatchObject({ nonce: 'v7c0', enforce_nonce: true });
  });

  it('brings a message the nonce found back up to date instead of posting a second one', async () => {
    const { rest, calls } = discordWithNonces();
    await postOnce(rest, '300', { body: body('🎬 Generating', '') }, 'v7c0');
    // The answer to that post was lost in a crash; the retry shows a newer revision.
    expect(await postOnce(rest, '300', { body: body('✅ Your video is ready') }, 'v7c0')).toBe('900');
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'PATCH']);
    expect(calls[2]).toMatchObject({ route: '/channels/300/messages/900', body: { embeds: [{ title: '✅ Your video is ready' }] } });
  });
});
