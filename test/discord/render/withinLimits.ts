import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { limits } from '../words/worstCase.js';

/** Whether a message body stays inside Discord's limits: content, each embed's parts, its fields and its total. */
export function expectWithinLimits(body: { content?: string; embeds?: APIEmbed[] }): void {
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(limits.content);
  for (const embed of body.embeds ?? []) {
    const fields = embed.fields ?? [];
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(limits.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(limits.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(limits.footer);
    expect(fields.length).toBeLessThanOrEqual(25);
    for (const field of fields) {
      expect(field.name.length).toBeLessThanOrEqual(limits.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(limits.fieldValue);
      expect(field.value.trim()).not.toBe('');
    }
    const total = [embed.title, embed.description, embed.footer?.text, ...fields.flatMap((f) => [f.name, f.value])].join('').length;
    expect(total).toBeLessThanOrEqual(6000);
  }
}
