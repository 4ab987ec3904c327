// Two tiers: unit specs (pure logic, no I/O) and integration specs (real Kafka + MongoDB-wire server).
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const shared = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.run/'],
  moduleNameMapper: {
    '^@app/common$': '<rootDir>/libs/common/src',
    '^@app/common/(.*)$': '<rootDir>/libs/common/src/$1',
  },
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/common/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/libs/common/src/testing/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/common/src/testing/jest-integration.setup.ts'],
    },
    {
      // Browser journeys of the staff console against the whole system (apps/console/e2e).
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/console/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/apps/console/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/apps/console/e2e/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/apps/console/e2e/support/jest-e2e.setup.ts'],
    },
  ],
};
