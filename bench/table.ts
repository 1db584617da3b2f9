import { perVideo, type Summary } from './stats.js';

const num = (value: number | undefined, digits = 0): string =>
  value === undefined ? '-' : Number.isFinite(value) ? value.toFixed(digits) : 'inf';

/** A plain monospace table: first column left-aligned, the rest right-aligned. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function resultsTable(summaries: Summary[]): string {
  const headers = [
    'load',
    'strategy',
    'submitted',
    'delivered',
    'req/video',
    'sent/video',
    '429s',
    'ready→edited p50 s',
    'p95 s',
    'queue wait p50 s',
    'p95 s',
    'delivered/h',
    'sim h',
    'wall s',
  ];
  const rows = summaries.map((s) => [
    s.label,
    s.strategy,
    String(s.submitted),
    String(s.delivered),
    num(perVideo(s.counted, s.delivered), 2),
    num(perVideo(s.sent, s.delivered), 1),
    String(s.rateLimited),
    num(s.delayP50),
    num(s.delayP95),
    num(s.waitP50),
    num(s.waitP95),
    num(s.deliveredPerHour, 1),
    num(s.simulatedHours, 1),
    num(s.wallMs / 1000, 1),
  ]);
  return renderTable(headers, rows);
}

/** One line per load: the two strategies' headline numbers next to each other. */
export function comparisons(summaries: Summary[]): string[] {
  const labels = [...new Set(summaries.map((s) => s.label))];
  return labels.flatMap((label) => {
    const ours = summaries.find((s) => s.label === label && s.strategy === 'ours');
    const vendor = summaries.find((s) => s.label === label && s.strategy === 'vendor example');
    if (!ours || !vendor) return [];
    const reqs = (s: Summary) => num(perVideo(s.counted, s.delivered), 1);
    return [
      `${label}: ours ${reqs(ours)} req/video vs vendor ${reqs(vendor)}; ` +
        `delivered ${ours.delivered}/${ours.submitted} vs ${vendor.delivered}/${vendor.submitted}; ` +
        `p95 ready→edited ${num(ours.delayP95)} s vs ${num(vendor.delayP95)} s; ` +
        `p95 queue wait ${num(ours.waitP95)} s vs ${num(vendor.waitP95)} s; ` +
        `429s ${ours.rateLimited} vs ${vendor.rateLimited}`,
    ];
  });
}

interface Target {
  name: string;
  measured: number | undefined;
  vendor: number | undefined;
  goal: string;
  met: (value: number) => boolean;
  digits: number;
}

/** The targets for our poller, measured; the vendor example's value is shown for context. */
export function targetLines(summaries: Summary[], twentyLabel: string, saturationLabel: string): string[] {
  const find = (label: string, strategy: string) => summaries.find((s) => s.label === label && s.strategy === strategy);
  const twenty = { ours: find(twentyLabel, 'ours'), vendor: find(twentyLabel, 'vendor example') };
  const saturation = { ours: find(saturationLabel, 'ours'), vendor: find(saturationLabel, 'vendor example') };
  const reqs = (s: Summary | undefined) => (s ? perVideo(s.counted, s.delivered) : undefined);
  const targets: Target[] = [
    { name: `${twentyLabel}: API requests per delivered video`, measured: reqs(twenty.ours), vendor: reqs(twenty.vendor), goal: '≤ 1.3', met: (v) => v <= 1.3, digits: 2 },
    { name: `${twentyLabel}: p95 ready→edited delay (s)`, measured: twenty.ours?.delayP95, vendor: twenty.vendor?.delayP95, goal: '≤ 60', met: (v) => v <= 60, digits: 0 },
    { name: `${twentyLabel}: 429s received`, measured: twenty.ours?.rateLimited, vendor: twenty.vendor?.rateLimited, goal: '= 0', met: (v) => v === 0, digits: 0 },
    { name: `${saturationLabel}: delivered videos per hour`, measured: saturation.ours?.deliveredPerHour, vendor: saturation.vendor?.deliveredPerHour, goal: '≥ 85', met: (v) => v >= 85, digits: 1 },
  ];
  const rows = targets.map((t) => [
    t.name,
    t.goal,
    num(t.measured, t.digits),
    t.measured === undefined ? 'MISS (not measured)' : t.met(t.measured) ? 'PASS' : 'MISS',
    num(t.vendor, t.digits),
  ]);
  return renderTable(['target (issue 4)', 'goal', 'ours', 'result', 'vendor example'], rows).split('\n');
}

/**
 * Issue 21's pool: one key saturated next to several, with the requests each key's limit counted
 * and its 429s, then the targets (≥ 85 accepted an hour per key, no 429 on any key).
 */
export function poolLines(summaries: Summary[], singleLabel: string, poolLabel: string): string[] {
  const runs = [singleLabel, poolLabel].flatMap((label) => summaries.filter((s) => s.label === label && s.strategy === 'ours'));
  const rows = runs.map((s) => [
    s.label,
    String(s.keys),
    String(s.perHour),
    num(s.acceptedPerHour, 1),
    num(s.deliveredPerHour, 1),
    num(perVideo(s.counted, s.delivered), 2),
    s.perKey.map((k) => String(k.counted)).join(' / '),
    s.perKey.map((k) => String(k.rateLimited)).join(' / '),
  ]);
  const table = renderTable(['load', 'keys', 'offered/h', 'accepted/h', 'delivered/h', 'req/video', 'requests per key', '429s per key'], rows).split('\n');
  const pool = runs.find((s) => s.label === poolLabel);
  const single = runs.find((s) => s.label === singleLabel);
  const goal = pool ? 85 * pool.keys : 255;
  const targets: Target[] = [
    { name: `${poolLabel}: videos accepted per hour`, measured: pool?.acceptedPerHour, vendor: single?.acceptedPerHour, goal: `≥ ${goal}`, met: (v) => v >= goal, digits: 1 },
    {
      name: `${poolLabel}: 429s on the busiest key`,
      measured: pool ? Math.max(0, ...pool.perKey.map((k) => k.rateLimited)) : undefined,
      vendor: single ? Math.max(0, ...single.perKey.map((k) => k.rateLimited)) : undefined,
      goal: '= 0',
      met: (v) => v === 0,
      digits: 0,
    },
  ];
  const targetRows = targets.map((t) => [t.name, t.goal, num(t.measured, t.digits), t.measured === undefined ? 'MISS (not measured)' : t.met(t.measured) ? 'PASS' : 'MISS', num(t.vendor, t.digits)]);
  return [...table, '', ...renderTable(['target (issue 21)', 'goal', 'pool', 'result', 'one key'], targetRows).split('\n')];
}

/**
 * Issue 21's servers with their own keys: each server's p95 delay from ready to shown and the
 * requests its own key spent per video, next to one key at the same per-server load.
 */
export function serverKeyLines(summaries: Summary[], singleLabel: string, serversLabel: string): string[] {
  const run = summaries.find((s) => s.label === serversLabel && s.strategy === 'ours');
  const single = summaries.find((s) => s.label === singleLabel && s.strategy === 'ours');
  if (!run) return [`${serversLabel}: not measured`];
  const rows = run.perServer.map((server, index) => [
    `server ${index + 1}`,
    String(server.delivered),
    num(server.delayP95, 0),
    num(perVideo(server.counted, server.delivered), 2),
    String(server.rateLimited),
  ]);
  rows.push(['all servers', String(run.delivered), num(run.delayP95, 0), num(perVideo(run.counted, run.delivered), 2), String(run.rateLimited)]);
  if (single) rows.push([`one key, ${singleLabel}`, String(single.delivered), num(single.delayP95, 0), num(perVideo(single.counted, single.delivered), 2), String(single.rateLimited)]);
  const table = renderTable(['server (own key)', 'delivered', 'p95 ready→shown (s)', 'req/video', '429s'], rows).split('\n');
  const worstDelay = Math.max(...run.perServer.map((s) => s.delayP95 ?? Infinity));
  const singleReqs = single ? perVideo(single.counted, single.delivered) : undefined;
  const targets: Target[] = [
    { name: `${serversLabel}: worst server's p95 ready→shown (s)`, measured: worstDelay, vendor: single?.delayP95, goal: '≤ 60', met: (v) => v <= 60, digits: 0 },
    {
      // Over all the servers' videos: one server's ~60 videos spread by arrivals as much as one key's seeds do (README).
      name: `${serversLabel}: requests per video, all servers`,
      measured: perVideo(run.counted, run.delivered),
      vendor: singleReqs,
      goal: singleReqs === undefined ? 'one key' : `≤ ${num(singleReqs, 2)}`,
      met: (v) => singleReqs !== undefined && v <= singleReqs,
      digits: 2,
    },
  ];
  const targetRows = targets.map((t) => [t.name, t.goal, num(t.measured, t.digits), t.measured === undefined ? 'MISS (not measured)' : t.met(t.measured) ? 'PASS' : 'MISS', num(t.vendor, t.digits)]);
  return [...table, '', ...renderTable(['target (issue 21)', 'goal', 'servers', 'result', 'one key'], targetRows).split('\n')];
}
