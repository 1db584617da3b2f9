import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithURL } from 'discord.js';
import type { Translate } from '../words/catalogue.js';

/** Discord's limits that decide where a link can go. */
export const LINK_BUTTON_URL_LIMIT = 512;
const BUTTONS_PER_ROW = 5;

/** A finished video's links: which go in the content, in the embed, on buttons, and how many fit nowhere. */
export interface LinkPlacement {
  contentLines: string[];
  descriptionLines: string[];
  buttons: APIActionRowComponent<APIButtonComponentWithURL>[];
  leftOut: number;
}

/**
 * Puts each link where it fits, in order of preference. Links of attached videos are secondary:
 * a "Source" button (512 characters at most), else a line in the embed. Links standing in for the
 * video go in the content, where Discord shows its player, else in the embed (4 096). A link that
 * fits nowhere is counted, so the reply can say where to find it.
 */
export function placeLinks(
  { attached, shown }: { attached: string[]; shown: string[] },
  room: { content: number; description: number },
  say: Translate,
): LinkPlacement {
  const placement: LinkPlacement = { contentLines: [], descriptionLines: [], buttons: [], leftOut: 0 };
  let { content, description } = room;
  const toDescription = (line: string): boolean => {
    if (line.length + 1 > description) return false;
    placement.descriptionLines.push(line);
    description -= line.length + 1;
    return true;
  };
  const buttons: APIButtonComponentWithURL[] = [];
  attached.forEach((url, index) => {
    if (url.length <= LINK_BUTTON_URL_LIMIT && buttons.length < BUTTONS_PER_ROW) {
      const label = say('generation.source', { shot: attached.length > 1 ? index + 1 : null });
      buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, label, url });
    } else {
      // The file is in the message already; a link that fits nowhere costs the member nothing.
      toDescription(say('generation.sourceLine', { url }));
    }
  });
  if (buttons.length > 0) placement.buttons.push({ type: ComponentType.ActionRow, components: buttons });
  for (const url of shown) {
    if (url.length + 1 <= content) {
      placement.contentLines.push(url);
      content -= url.length + 1;
    } else if (!toDescription(url)) {
      placement.leftOut += 1;
    }
  }
  return placement;
}
