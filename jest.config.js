/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // Tests start real servers on loopback; a few seconds of headroom keeps slow CI machines honest without hiding hangs.
  testTimeout: 20000,
  verbose: false,
};
