export interface CostParams {
  /** Our price; what was reserved. */
  priced: number;
  /** What the API charged, or null while it has not taken the request (or never did). */
  charged: number | null;
  refunded: number;
  finished: boolean;
}

/** How one language words each case of a video's cost. */
export interface CostWords {
  /** Reserved; the API has not charged yet. */
  reserved(credits: number): string;
  /** Finished without the API ever charging. */
  notCharged(credits: number): string;
  charged(credits: number): string;
  refunded(credits: number): string;
  partlyRefunded(net: number, refunded: number): string;
}

/** A video's cost line: which case it is is decided here once, the words come from the language. */
export function costText({ priced, charged, refunded, finished }: CostParams, words: CostWords): string {
  if (charged === null) return finished ? words.notCharged(priced) : words.reserved(priced);
  if (refunded === 0) return words.charged(charged);
  if (refunded >= charged) return words.refunded(charged);
  return words.partlyRefunded(charged - refunded, refunded);
}
