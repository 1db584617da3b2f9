import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, format, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The rule set `npm run lint:deps` checks, run over small trees that break it on purpose and one that keeps it
// (test/fixtures/layers/<case>, laid out like the project: src/domain, src/discord, commands).
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures/layers/', import.meta.url));

async function lintFixture(fixture: string): Promise<{ result: ICruiseResult; exitCode: number; report: string }> {
  const options = await extractDepcruiseOptions(join(projectRoot, '.dependency-cruiser.mjs'));
  const tsConfig = extractTSConfig(join(projectRoot, 'tsconfig.json'));
  const baseDir = join(fixtures, fixture);
  const roots = ['src', 'commands', 'db'].filter((dir) => existsSync(join(baseDir, dir)));
  const cruised = await cruise(roots, { ...options, baseDir }, undefined, { tsConfig });
  const result = cruised.output as ICruiseResult;
  // The reporter `npm run lint:deps` prints, and the exit code it gives the shell.
  const reported = await format(result, { outputType: 'err' });
  return { result, exitCode: reported.exitCode, report: String(reported.output) };
}

function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);
}

describe('the layer rules', () => {
  it('pass a tree that keeps them, with the locale tables importing the catalogue as a type', async () => {
    const { result, exitCode } = await lintFixture('clean');

    expect(violations(result)).toEqual([]);
    expect(exitCode).toBe(0);
    // The exception is used, not merely absent: the tree has the type-only cycle.
    const table = result.modules.find((module) => module.source === 'src/discord/words/en/index.ts');
    expect(table?.dependencies).toEqual([
      expect.objectContaining({
        resolved: 'src/discord/words/catalogue.ts',
        circular: true,
        dependencyTypes: expect.arrayContaining(['type-only']),
      }),
    ]);
  });

  it('fail a domain module that imports discord.js, even for a type, naming the rule and the files', async () => {
    const { result, exitCode, report } = await lintFixture('domainImportsDiscord');

    expect(violations(result)).toEqual([
      expect.stringMatching(/^domain-not-to-discord: src\/domain\/gateway\.ts → .*node_modules\/discord\.js\//),
    ]);
    expect(exitCode).toBeGreaterThan(0);
    expect(report).toContain('domain-not-to-discord');
    expect(report).toContain('src/domain/gateway.ts');
  });

  it("fail a domain module that imports the vendor client's implementation", async () => {
    const { result, exitCode } = await lintFixture('domainImportsVendorClient');

    expect(violations(result)).toEqual(['domain-not-to-adapters: src/domain/starter.ts → src/veo/client.ts']);
    expect(exitCode).toBeGreaterThan(0);
  });

  it('fail a cycle made of type-only imports', async () => {
    const { result, exitCode } = await lintFixture('typeOnlyCycle');

    expect(violations(result)).toEqual([expect.stringMatching(/^no-circular: src\/domain\/(outbox|delivery)\.ts → /)]);
    expect(result.summary.violations[0]?.cycle?.map(({ name }) => name).sort()).toEqual([
      'src/domain/delivery.ts',
      'src/domain/outbox.ts',
    ]);
    expect(exitCode).toBeGreaterThan(0);
  });

  it('fail src/discord and commands importing each other', async () => {
    const { result, exitCode } = await lintFixture('commandsDiscordCircle');

    expect(violations(result).sort()).toEqual([
      'discord-not-to-commands: src/discord/router.ts → commands/index.ts',
      expect.stringMatching(/^no-circular: /),
    ]);
    expect(exitCode).toBeGreaterThan(0);
  });

  it('fail the outer layers reaching inwards: a repository showing Discord, a renderer importing the app or a test tool, the domain the timer', async () => {
    const { result, exitCode } = await lintFixture('outerRules');

    expect(violations(result).sort()).toEqual([
      'app-imported-by-entry-point-only: src/discord/render.ts → src/app.ts',
      'db-not-to-outer-layers: db/generationRepo.ts → src/discord/render.ts',
      'domain-not-to-adapters: src/domain/pace.ts → src/poller.ts',
      expect.stringMatching(/^not-to-dev-dep: src\/discord\/render\.ts → .*node_modules\/vitest\//),
    ]);
    expect(exitCode).toBeGreaterThan(0);
  });

  it('fail a locale table that imports the catalogue at run time', async () => {
    const { result, exitCode } = await lintFixture('localeTableImportsCatalogue');

    expect(violations(result)).toEqual([
      'locale-table-imports-catalogue-as-type-only: src/discord/words/en/index.ts → src/discord/words/catalogue.ts',
    ]);
    expect(exitCode).toBeGreaterThan(0);
  });
});
