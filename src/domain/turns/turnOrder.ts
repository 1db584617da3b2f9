/** What the scheduler needs to know of a waiting request. */
export interface Turn {
  id: number;
  guildId: string;
  userId: string;
}

/** Whose turn it is in one lane: kept in the database, so a restart takes up the order where it stopped. */
export interface TurnState {
  /** The server served last in the lane; null before its first. */
  lastGuildId: string | null;
  /** By server, the member served last there. */
  lastMemberOf: ReadonlyMap<string, string>;
}

export const noTurnsYet: TurnState = { lastGuildId: null, lastMemberOf: new Map() };

/**
 * The order a lane's waiting requests will be sent in: round robin over the servers with
 * requests waiting, and inside each server round robin over its members; one member's own
 * requests go in the order they were made. Servers (and a server's members) take turns in the
 * order of their ids, starting after the one served last; before anyone was served, with the
 * one whose request waits longest. Serving the first of the order and recording it with
 * `afterServing` leaves the rest of the order as it was, so the order shown is the order kept.
 */
export function turnOrder<T extends Turn>(waiting: readonly T[], state: TurnState): T[] {
  const oldestFirst = [...waiting].sort((a, b) => a.id - b.id);
  const first = oldestFirst[0];
  if (!first) return [];
  const guilds = groupBy(oldestFirst, (request) => request.guildId);
  const sequences = rotation([...guilds.keys()], state.lastGuildId, first.guildId).map((guildId) => {
    const requests = guilds.get(guildId)!;
    const members = groupBy(requests, (request) => request.userId);
    const memberOrder = rotation([...members.keys()], state.lastMemberOf.get(guildId) ?? null, requests[0]!.userId);
    return interleave(memberOrder.map((userId) => members.get(userId)!));
  });
  return interleave(sequences);
}

/** The turn state once `served` went out: its server and, in that server, its member had the last turn. */
export function afterServing(state: TurnState, served: Turn): TurnState {
  return { lastGuildId: served.guildId, lastMemberOf: new Map(state.lastMemberOf).set(served.guildId, served.userId) };
}

/** Snowflakes (decimal strings) in numeric order; any other ids in a fixed order all the same. */
export const compareIds = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** `keys` in turn order: from the first after `last` (or from `first` when nobody was served), wrapping round. */
function rotation(keys: string[], last: string | null, first: string): string[] {
  const ring = keys.sort(compareIds);
  const found = last === null ? ring.indexOf(first) : ring.findIndex((key) => compareIds(key, last) > 0);
  const start = Math.max(0, found);
  return [...ring.slice(start), ...ring.slice(0, start)];
}

/** One from each list per round, in the lists' order, until all are used up; linear in the items. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  let active = lists;
  for (let round = 0; active.length > 0; round += 1) {
    for (const list of active) out.push(list[round]!);
    active = active.filter((list) => list.length > round + 1);
  }
  return out;
}

/** Groups in first-seen order, each group keeping the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
