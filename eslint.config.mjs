import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import globals from 'globals';

// The package: what n8n installs, and what its verification lints.
const PACKAGE = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];
const forPackage = (config) => ({ ...config, files: config.files ?? PACKAGE });

// The support code (tests, bench, scripts): a light check for mistakes, not style.
const SUPPORT = ['test/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'scripts/**/*.{js,mjs}'];
const mistakes = {
	'no-undef': 'error',
	// `_name` marks a parameter kept for its position; a caught error may go unused; `{ a, ...rest }`
	// may name `a` only to leave it out of `rest`.
	'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
	'no-control-regex': 'error',
};

// n8n's community-node rules (the ones its verification applies) and the classic node rules, for
// the package; the light rules for the support code.
export default [
	{ ignores: ['dist/**', 'node_modules/**', '*.js'] },
	...tseslint.configs.recommended.map(forPackage),
	forPackage(n8nCommunityNodesPlugin.configs.recommended),
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules, '@typescript-eslint/no-unused-expressions': 'off' },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies to n8n's own repository only; the community plugin checks the URL instead.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Flags any field named "...Key"; the community plugin's credential-unnecessary-password
			// asks the opposite for OneAll's public key, which is a user name, not a secret.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Superseded by the community plugin's node-connection-type-literal, which wants the enum.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: { 'no-console': 'error' },
	},
	{
		files: SUPPORT,
		languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { ...globals.node } },
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: mistakes,
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
	// A newcomer reads the support code and the case tables function by function; jest's describe
	// blocks are lists of tests, not functions to read at once.
	{ files: SUPPORT, ignores: ['**/*.test.js'], rules: { 'max-lines-per-function': ['error', { max: 150 }] } },
	// jest's tests and the jest harness they share (test/helpers).
	{ files: ['test/**/*.test.js', 'test/helpers/**/*.js'], languageOptions: { globals: { ...globals.node, ...globals.jest } } },
];
