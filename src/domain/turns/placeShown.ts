/**
 * Whether a waiting member's reply is worth an edit for its new place: when it first shows, has
 * halved, is in the top three, or has more than doubled (the request was pushed back by other
 * servers' turns). A long queue moving by one must not edit every waiting message each time.
 */
export function placeWorthShowing(shown: number | null, place: number): boolean {
  if (shown === place) return false;
  return shown === null || place <= 3 || place <= shown / 2 || place > shown * 2;
}
