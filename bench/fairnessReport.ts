import { busyServerAndTwoSmall, type AskSeen, type FairnessResults, type FairnessRun } from './fairness.js';
import { HOUR, START_MS } from './simulation.js';
import { renderTable } from './table.js';

const ordinal = (k: number) => `${k}${k === 1 ? 'st' : k === 2 ? 'nd' : k === 3 ? 'rd' : 'th'}`;
const distance = (ask: AskSeen | undefined) => (ask?.slot === undefined ? undefined : ask.slot - ask.slotsBefore);
const show = (value: number | undefined) => (value === undefined ? 'never' : String(value));

/** Each member's k-th request of a server, in the order made. */
function kth(run: FairnessRun, server: string, k: number, member?: string): AskSeen | undefined {
  return run.asks.filter((ask) => ask.server === server && (member === undefined || ask.member === member))[k - 1];
}

/** Accepted submits per hour from the end of the warm-up hour to the end of the run. */
function perHour(run: FairnessRun, endMs: number, server?: string): number {
  const from = START_MS + HOUR;
  const inWindow = run.accepted.filter((a) => a.at >= from && a.at < endMs && (server === undefined || a.server === server));
  return inWindow.length / ((endMs - from) / HOUR);
}

/** Scenario A: B's and C's k-th request, in submit slots from being made to being submitted, and A's pace. */
export function busyServerLines(turns: FairnessRun, firstCome: FairnessRun, runMs: number): string[] {
  const rows: string[][] = [];
  for (const server of ['B', 'C']) {
    for (let k = 1; k <= 3; k += 1) {
      const ours = distance(kth(turns, server, k));
      const bound = 3 * k + 1;
      rows.push([`${server}'s ${ordinal(k)} request: submit slots made → sent`, `≤ ${bound}`, show(ours), ours !== undefined && ours <= bound ? 'PASS' : 'MISS', show(distance(kth(firstCome, server, k)))]);
    }
  }
  const end = START_MS + runMs;
  const total = perHour(turns, end);
  rows.push(['every server: accepted submits per hour (hours 1-3)', '≥ 85', total.toFixed(1), total >= 85 ? 'PASS' : 'MISS', perHour(firstCome, end).toFixed(1)]);
  const own = perHour(turns, end, 'A');
  rows.push(["A's own accepted submits per hour (hours 1-3)", '≥ 85', own.toFixed(1), own >= 85 ? 'PASS' : 'MISS', perHour(firstCome, end, 'A').toFixed(1)]);
  return renderTable(['scenario A (issue 19)', 'goal', 'turns', 'result', 'first come'], rows).split('\n');
}

/** Scenario B: the submit slot (counted from Y's request) of X's three requests and Y's one. */
export function twoMembersLines(turns: FairnessRun, firstCome: FairnessRun): string[] {
  const y = (run: FairnessRun) => kth(run, 'S', 1, 'Y');
  const slotFromY = (run: FairnessRun, ask: AskSeen | undefined) => (ask?.slot === undefined ? undefined : ask.slot - y(run)!.slotsBefore);
  const rows = [
    ...[1, 2, 3].map((k) => [`X's ${ordinal(k)} request: submit slot counted from Y's asking`, '', show(slotFromY(turns, kth(turns, 'S', k, 'X'))), '', show(slotFromY(firstCome, kth(firstCome, 'S', k, 'X')))]),
    ["Y's request: submit slot counted from its asking", '', show(slotFromY(turns, y(turns))), '', show(slotFromY(firstCome, y(firstCome)))],
  ];
  const before = (run: FairnessRun) => {
    const ySlot = y(run)?.slot;
    const x2 = kth(run, 'S', 2, 'X')?.slot;
    return ySlot !== undefined && x2 !== undefined && ySlot < x2;
  };
  rows.push(["Y submitted before X's 2nd", 'yes', before(turns) ? 'yes' : 'no', before(turns) ? 'PASS' : 'MISS', before(firstCome) ? 'yes' : 'no']);
  return renderTable(['scenario B (issue 19)', 'goal', 'turns', 'result', 'first come'], rows).split('\n');
}

/** Both scenarios' tables, with a line on how they were run. */
export function fairnessLines({ busy, members }: FairnessResults): string[] {
  return [
    'Turns (issue 19): the same bot and fake API, requests from several servers and members. "turns" is the bot as it is; ' +
      '"first come" is the same bot with every request asked under one member of one server, which it serves in the order made (the queue before turns). ' +
      'A submit slot is one generate the API accepted; "made → sent" counts them from the request being made to its own.',
    '',
    ...busyServerLines(busy.turns, busy['first come'], busyServerAndTwoSmall.runMs),
    '',
    ...twoMembersLines(members.turns, members['first come']),
  ];
}
