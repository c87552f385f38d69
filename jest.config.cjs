// Four projects: pure unit tests (node), DOM tests (jsdom), end-to-end tests in real Chromium (e2e) and
// in real Firefox ESR (firefox: test/e2e/firefox, sharing test/e2e/lib with the Chromium tests).
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic', importSource: 'preact' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  }],
};
const common = { transform, moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'] };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      // jsdom makes jest pick Preact's browser (ESM) build, which it cannot run; use the CommonJS one.
      testEnvironmentOptions: { customExportConditions: ['require', 'node', 'default'] },
      testMatch: ['<rootDir>/test/dom/**/*.test.ts?(x)'],
    },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/*.test.ts'], testTimeout: 120000, slowTestThreshold: 60 },
    { ...common, displayName: 'firefox', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/firefox/**/*.test.ts'], testTimeout: 120000, slowTestThreshold: 30 },
  ],
};
