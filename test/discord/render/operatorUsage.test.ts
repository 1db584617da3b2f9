import { describe, expect, it } from 'vitest';
import type { OperatorUsage } from '../../../src/domain/operator/operatorControls.js';
import { renderOperatorUsage } from '../../../src/discord/render/operatorReplies.js';
import { translator } from '../../../src/discord/words/catalogue.js';
import { locales } from '../../../src/discord/words/locale.js';

const usage = (unknowns: number, unknownCredits: number): OperatorUsage => ({
  period: 'month',
  periodKey: 'month:2026-12',
  resetsAt: new Date(Date.UTC(2027, 0, 1)),
  globalBudget: null,
  total: 40,
  refunded: 0,
  generations: 4,
  releases: unknowns,
  unknowns,
  unknownCredits,
  servers: [{ guildId: '100000000000000001', charged: 40, refunded: 0, generations: 4, releases: unknowns, unknowns, unknownCredits }],
});

describe('/veo-operator usage', () => {
  it('shows the unknown outcomes and the most they may have cost', () => {
    const embed = renderOperatorUsage(usage(2, 20), () => 'Foxes', translator('en'));
    expect(embed.fields).toContainEqual({ name: 'Unknown outcomes (members not charged)', value: '2, up to 20 credits', inline: true });
  });

  it('shows them in every language, and nothing when there were none', () => {
    for (const locale of locales) {
      const fields = renderOperatorUsage(usage(1, 10), () => 'Foxes', translator(locale)).fields!;
      expect(fields.some((field) => field.value.includes('10'))).toBe(true);
      expect(renderOperatorUsage(usage(0, 0), () => 'Foxes', translator(locale)).fields).toHaveLength(fields.length - 1);
    }
  });
});
