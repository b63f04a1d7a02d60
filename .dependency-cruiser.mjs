/**
 * `npm run cycles` (part of `npm run check`): no module may import itself through others, and
 * the web layer's pages reach data only through its services.
 * Type-only imports count: they tie two modules together for a reader just the same.
 * Rules: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
 */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle: move what both sides need into a module that neither of them imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import that does not resolve: the cycle check cannot see through it. (The browser ' +
        'script in src/web/public imports a URL the server maps.)',
      from: { pathNot: '^src/web/public/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'web-through-services',
      severity: 'error',
      comment:
        'Pages, the API, layouts and plugins reach data through src/web/services (services.ts), ' +
        'never a repository or an importer directly (docs/adr/0007).',
      from: { path: '^src/web/(pages|api|layouts|plugins|components|tables|charts)/' },
      to: { path: ['\\.repository\\.ts$', '^src/sources/', '^src/store/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
