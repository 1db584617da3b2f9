import { performance } from 'node:perf_hooks';
import { createBlocklistMatcher } from '../src/domain/blocklist/blocklistMatcher.js';

/**
 * How long the blocklist check takes for the largest list a server may keep (500 entries of mixed
 * scripts, the built-in English list on) against the longest prompt (4000 characters): the check
 * runs on every request, before anything is reserved. `npx tsx bench/blocklist.ts`.
 */
const words = ['heron', 'straße', 'café au lait', 'сука', '馬鹿', 'ฆ่า', 'b.a.d'];
// The last two are the worst case: in `grab a dog` each is found across word boundaries and rejected, and the search starts again.
const entries = [...Array.from({ length: 498 }, (_, i) => `${words[i % words.length]}${i.toString(36)}`), 'bad', 'abad'];
const prompts = {
  'plain English': 'A fox runs through a snowy forest at dawn, the light low and golden; '.repeat(60).slice(0, 4000),
  'spelled out (b a d …)': 'b a d h e r o n s t r a s s e '.repeat(140).slice(0, 4000),
  'Scunthorpe worst case (grab a dog …)': 'grab a dog '.repeat(400).slice(0, 4000),
  'Japanese': 'お前は賢い狐が雪の森を走る。'.repeat(300).slice(0, 4000),
};

const built = performance.now();
const matcher = createBlocklistMatcher(entries, true);
const buildMs = performance.now() - built;
console.log(`build (500 entries + built-in list): ${buildMs.toFixed(1)} ms, once per server until its list changes`);
for (const [name, prompt] of Object.entries(prompts)) {
  for (let i = 0; i < 5; i++) matcher.firstMatch(prompt);
  const runs = 50;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    matcher.firstMatch(prompt);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${name}, ${prompt.length} chars: median ${times[runs / 2]!.toFixed(2)} ms, p95 ${times[Math.floor(runs * 0.95)]!.toFixed(2)} ms`);
}
