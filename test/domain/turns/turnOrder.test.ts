import { describe, expect, it } from 'vitest';
import { afterServing, compareIds, noTurnsYet, turnOrder, type Turn, type TurnState } from '../../../src/domain/turns/turnOrder.js';

/** A small seeded generator (an LCG), so each workload is the same every run. */
function seededRandom(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

let nextId = 1;
const ask = (guildId: string, userId: string, count = 1): Turn[] => Array.from({ length: count }, () => ({ id: nextId++, guildId, userId }));
const state = (lastGuildId: string | null, members: [string, string][] = []): TurnState => ({ lastGuildId, lastMemberOf: new Map(members) });
const labels = (order: Turn[]) => order.map((t) => `${t.guildId}${t.userId}`);

/** Serves the order one request at a time, as the queue does, recording each turn. */
function serveOneByOne(waiting: Turn[], from: TurnState): Turn[] {
  let left = [...waiting];
  let turns = from;
  const served: Turn[] = [];
  while (left.length > 0) {
    const next = turnOrder(left, turns)[0]!;
    served.push(next);
    turns = afterServing(turns, next);
    left = left.filter((t) => t.id !== next.id);
  }
  return served;
}

describe('turnOrder, the one scheduler', () => {
  it('serves servers in turns: a server asking for 3 after one asked for 60 gets its k-th within 3k places', () => {
    const a = ask('1', 'a', 60);
    const b = ask('2', 'b', 3);
    const c = ask('3', 'c', 3);
    const order = turnOrder([...a, ...b, ...c], state('1'));
    for (const mine of [b, c]) {
      mine.forEach((request, k) => expect(order.indexOf(request) + 1).toBeLessThanOrEqual(3 * (k + 1)));
    }
    expect(labels(order).slice(0, 9)).toEqual(['2b', '3c', '1a', '2b', '3c', '1a', '2b', '3c', '1a']);
    expect(order).toHaveLength(66);
  });

  it('lets a server’s members take turns, each member’s own requests in the order made', () => {
    const x = ask('1', 'x', 3);
    const y = ask('1', 'y', 1);
    const order = turnOrder([...x, ...y], noTurnsYet);
    expect(order.map((t) => t.id)).toEqual([x[0]!.id, y[0]!.id, x[1]!.id, x[2]!.id]);
  });

  it('starts with the longest waiting when nobody was served, and after the last served otherwise, wrapping round', () => {
    const late = ask('9', 'u');
    const early = ask('5', 'u');
    expect(turnOrder([...late, ...early], noTurnsYet).map((t) => t.guildId)).toEqual(['9', '5']);
    expect(turnOrder([...late, ...early], state('5')).map((t) => t.guildId)).toEqual(['9', '5']);
    expect(turnOrder([...late, ...early], state('7')).map((t) => t.guildId)).toEqual(['9', '5']);
    expect(turnOrder([...late, ...early], state('9')).map((t) => t.guildId)).toEqual(['5', '9']);
    expect(turnOrder([], state('9'))).toEqual([]);
  });

  it('orders snowflakes by their number, not as text', () => {
    expect(['100000000000000010', '99999999999999999', '100000000000000002'].sort(compareIds)).toEqual([
      '99999999999999999',
      '100000000000000002',
      '100000000000000010',
    ]);
  });

  it('keeps the rest of the order when the first is served and its turn recorded', () => {
    const random = seededRandom(19);
    for (let run = 0; run < 30; run += 1) {
      const waiting = Array.from({ length: 40 }, () => ask(String(1 + Math.floor(random() * 5)), String(1 + Math.floor(random() * 4)))[0]!);
      const from = state(random() < 0.5 ? null : '3', [['2', '2']]);
      expect(serveOneByOne(waiting, from).map((t) => t.id)).toEqual(turnOrder(waiting, from).map((t) => t.id));
    }
  });

  it('is fair on any workload: while two servers wait, neither is served twice without the other between', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 30; run += 1) {
      const waiting = Array.from({ length: 60 }, () => ask(String(1 + Math.floor(random() * 6)), String(1 + Math.floor(random() * 5)))[0]!);
      const order = turnOrder(waiting, state(String(1 + Math.floor(random() * 6))));
      const left = new Map<string, number>();
      for (const t of order) left.set(t.guildId, (left.get(t.guildId) ?? 0) + 1);
      const servedSince = new Map<string, Set<string>>();
      for (const t of order) {
        // Every other server still waiting was served since this one's last turn (or not at all yet).
        const since = servedSince.get(t.guildId);
        if (since) for (const [guildId, count] of left) if (guildId !== t.guildId && count > 0) expect(since.has(guildId)).toBe(true);
        left.set(t.guildId, left.get(t.guildId)! - 1);
        for (const set of servedSince.values()) set.add(t.guildId);
        servedSince.set(t.guildId, new Set());
      }
      // Inside a server the same holds for its members, and a member's requests keep their order.
      for (const guildId of left.keys()) {
        const mine = order.filter((t) => t.guildId === guildId);
        for (const userId of new Set(mine.map((t) => t.userId))) {
          const ids = mine.filter((t) => t.userId === userId).map((t) => t.id);
          expect(ids).toEqual([...ids].sort((p, q) => p - q));
        }
        const members = mine.map((t) => t.userId);
        members.forEach((userId, i) => {
          const previous = members.lastIndexOf(userId, i - 1);
          if (previous < 0) return;
          const between = new Set(members.slice(previous + 1, i));
          const stillWaiting = new Set(members.slice(i));
          for (const other of new Set(members.slice(0, i))) if (other !== userId && stillWaiting.has(other)) expect(between.has(other)).toBe(true);
        });
      }
    }
  });

  it('starts each server’s members after the one served last there', () => {
    const waiting = [...ask('1', '1'), ...ask('1', '2'), ...ask('1', '3')];
    expect(labels(turnOrder(waiting, state('1', [['1', '2']])))).toEqual(['13', '11', '12']);
    expect(labels(turnOrder(waiting, state('1', [['1', '3']])))).toEqual(['11', '12', '13']);
  });
});
