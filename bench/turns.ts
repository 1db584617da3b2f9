import { runFairnessSuite } from './fairness.js';
import { fairnessLines } from './fairnessReport.js';

// The turns' scenarios alone (they are also part of `npm run bench`).
const wallStart = performance.now();
for (const line of fairnessLines(await runFairnessSuite())) console.log(line);
console.log('');
console.log(`wall time ${((performance.now() - wallStart) / 1000).toFixed(1)} s (four simulated runs on one thread)`);
