import { readFileSync } from 'node:fs';

/**
 * The arguments `npm start` gives node (flags, then dist/src/index.js), read from package.json so
 * the tests and the service benchmark run the bot exactly as operators do.
 */
export function startCommandArgs(projectRoot: string): string[] {
  const { scripts } = JSON.parse(readFileSync(`${projectRoot}/package.json`, 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = (scripts['start'] ?? '').split(/\s+/);
  if (program !== 'node') throw new Error(`npm start should run node directly, not: ${scripts['start']}`);
  return args;
}
