import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Generation } from '../../domain/generation.js';
import { customId, customIdPrefixes as prefixes, type CustomIdPrefix } from '../customIds.js';
import type { Translate } from '../words/catalogue.js';

/**
 * The buttons under a reply: a waiting request gets Cancel (gone once it is sent: the vendor cannot
 * stop a started video); a video gets Again, Remix, Details and Delete, and with `videoTools` (the
 * bot has ffmpeg) Extend, and Join on a row of its own when it is an extension; a failed one Try
 * again and Details. A generation being made, or removed, gets none.
 */
export function resultButtons(
  generation: Pick<Generation, 'id' | 'state' | 'removedAt' | 'extendsGenerationId'>,
  say: Translate,
  videoTools = false,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  if (generation.removedAt) return [];
  const button = (prefix: CustomIdPrefix, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger) =>
    ({ type: ComponentType.Button, custom_id: customId(prefix, generation.id), label, style }) as const;
  let buttons: APIButtonComponentWithCustomId[];
  switch (generation.state) {
    case 'awaiting_approval':
    case 'queued':
      buttons = [button(prefixes.withdraw, say('members.cancel'), ButtonStyle.Secondary)];
      break;
    case 'completed':
    case 'partial':
      buttons = [
        button(prefixes.again, say('result.again'), ButtonStyle.Primary),
        button(prefixes.remix, say('result.remix'), ButtonStyle.Secondary),
        ...(videoTools ? [button(prefixes.extend, say('video.extend'), ButtonStyle.Secondary)] : []),
        button(prefixes.details, say('result.details'), ButtonStyle.Secondary),
        button(prefixes.delete, say('result.delete'), ButtonStyle.Danger),
      ];
      // Five buttons fill a row: Join, on an extension, goes on the next.
      if (videoTools && generation.extendsGenerationId !== null) {
        return [
          { type: ComponentType.ActionRow, components: buttons },
          { type: ComponentType.ActionRow, components: [button(prefixes.join, say('video.join'), ButtonStyle.Secondary)] },
        ];
      }
      break;
    case 'failed':
      buttons = [button(prefixes.again, say('result.tryAgain'), ButtonStyle.Primary), button(prefixes.details, say('result.details'), ButtonStyle.Secondary)];
      break;
    default:
      return [];
  }
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
