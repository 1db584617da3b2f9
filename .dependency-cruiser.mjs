// The rules of the layers, checked by `npm run lint:deps` (part of `npm test`).
// test/layerRules.test.ts runs them over small trees that break them on purpose (test/fixtures/layers).

/** The locale tables and the catalogue that lists them: their cycle is the one allowed. */
const localeTablesAndCatalogue = '^src/discord/words/(catalogue|[^/]+/index)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-not-to-discord',
      comment:
        'The domain decides; Discord only shows. Domain code speaks to Discord through the ports it declares, ' +
        'so that it can be read and tested without a gateway.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/discord/', '^commands/', 'node_modules/discord[.]js/', 'node_modules/@discordjs/', 'node_modules/discord-api-types/'] },
    },
    {
      name: 'domain-not-to-adapters',
      comment:
        'The HTTP service, file delivery, the vendor client, the timer and the task pool are adapters the app hands to the domain. ' +
        'Of the vendor client only its contract (src/veo/errors.ts, src/veo/types.ts) is the domain\'s to import; ' +
        'client.ts and its response schemas are its implementation.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/service/', '^src/delivery/', '^src/veo/client[.]ts$', '^src/veo/schemas[.]ts$', '^src/poller[.]ts$', '^src/timerLoop[.]ts$', '^src/taskPool[.]ts$'] },
    },
    {
      name: 'app-imported-by-entry-point-only',
      comment:
        'src/app.ts is the one place that builds the adapters and hands them to the domain; ' +
        'a module that imported it (or src/index.ts, which starts it) would reach round the composition root.',
      severity: 'error',
      from: { path: '^(src|commands|db)/', pathNot: '^src/index[.]ts$' },
      to: { path: '^src/(app|index)[.]ts$' },
    },
    {
      name: 'discord-not-to-commands',
      comment:
        'Commands use src/discord (renderers, replies, the router\'s types); never the other way round. ' +
        'The app hands the command list to registration and to the router, so the two folders form no circle.',
      severity: 'error',
      from: { path: '^src/discord/' },
      to: { path: '^commands/' },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle, type-only included, means two modules can only be understood together. The one allowed ' +
        'is the locale tables\' type import of the catalogue, which checks each table has every message.',
      severity: 'error',
      from: {},
      to: { circular: true, via: { pathNot: localeTablesAndCatalogue } },
    },
    {
      name: 'locale-table-imports-catalogue-as-type-only',
      comment:
        'The allowed cycle above is allowed because it is only a type: a run-time import would load the ' +
        'tables before the catalogue that lists them.',
      severity: 'error',
      from: { path: '^src/discord/words/[^/]+/index[.]ts$' },
      to: { path: '^src/discord/words/catalogue[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'db-not-to-outer-layers',
      comment: 'Repositories return domain objects; they know nothing of Discord, commands, the HTTP service or delivery.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^src/discord/', '^commands/', '^src/service/', '^src/delivery/', 'node_modules/discord[.]js/'] },
    },
    {
      name: 'not-to-tests-or-benches',
      comment: 'The shipped code (the image copies src, db and commands only) cannot depend on test/ or bench/.',
      severity: 'error',
      from: { path: '^(src|commands|db)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'The image prunes dev dependencies: shipped code importing one would fail at start.',
      severity: 'error',
      from: { path: '^(src|commands|db)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import the checker cannot resolve is an import no rule above can see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a cycle of types is still a cycle for the reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^test/fixtures/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
