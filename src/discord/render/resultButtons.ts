import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Generation } from '../../domain/generation.js';
import type { Translate } from '../words/catalogue.js';

/** Custom-id prefixes of a result's buttons; each carries only the generation id after the colon. */
export const resultPrefixes = { again: 'veo-again', remix: 'veo-remix', details: 'veo-details', delete: 'veo-delete' } as const;

export const resultCustomId = (prefix: (typeof resultPrefixes)[keyof typeof resultPrefixes], generationId: number) => `${prefix}:${generationId}`;

/**
 * The buttons under a finished reply: a video gets Again, Remix, Details and Delete; a failed one
 * Try again and Details. A generation still being made, or removed, gets none.
 */
export function resultButtons(generation: Pick<Generation, 'id' | 'state' | 'removedAt'>, say: Translate): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (generation.removedAt) return [];
  const button = (prefix: (typeof resultPrefixes)[keyof typeof resultPrefixes], label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger) =>
    ({ type: ComponentType.Button, custom_id: resultCustomId(prefix, generation.id), label, style }) as const;
  let buttons: APIButtonComponentWithCustomId[];
  switch (generation.state) {
    case 'completed':
    case 'partial':
      buttons = [
        button(resultPrefixes.again, say('result.again'), ButtonStyle.Primary),
        button(resultPrefixes.remix, say('result.remix'), ButtonStyle.Secondary),
        button(resultPrefixes.details, say('result.details'), ButtonStyle.Secondary),
        button(resultPrefixes.delete, say('result.delete'), ButtonStyle.Danger),
      ];
      break;
    case 'failed':
      buttons = [button(resultPrefixes.again, say('result.tryAgain'), ButtonStyle.Primary), button(resultPrefixes.details, say('result.details'), ButtonStyle.Secondary)];
      break;
    default:
      return [];
  }
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
