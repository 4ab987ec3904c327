/** Architecture rules: apps share code only through libs/common; domain files stay free of framework code. */
module.exports = {
  forbidden: [
    {
      name: 'no-app-imports-another-app',
      severity: 'error',
      comment: 'Services talk through Kafka events; shared code lives in libs/common.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'common-does-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-plain-typescript',
      severity: 'error',
      comment: 'Files named *.domain.ts or under a domain/ folder hold pure logic: no Nest, Mongoose or Kafka.',
      from: { path: '(\\.domain\\.ts$|/domain/)' },
      to: { path: 'node_modules/(@nestjs|mongoose|kafkajs|mongodb)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
