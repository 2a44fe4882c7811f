/** Tests run against the built package in dist/ (npm test builds first). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	// n8n-core starts long-lived timers (SSH client sweeper) when its container is first used.
	forceExit: true,
	testTimeout: 30000,
};
