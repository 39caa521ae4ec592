// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** The layering in README.md ("How it is built") as import rules, so a wrong import fails `npm test` instead of waiting for review. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http'], message: 'this layer does no Node I/O' };
const electron = { group: ['electron', 'electron/*'], message: 'only electron/ may import electron' };
const nativeAndServers = {
  group: ['better-sqlite3', 'pg', '@electric-sql/*', 'fastify', '@fastify/*', 'ws'],
  message: 'storage and servers belong to src/workstation, src/server or src/host',
};

/** A feature's folder is its own: another feature uses it only through its index (`../map`, never `../map/MapPane`). */
const featureBoundary = { regex: '^\\.\\./[^./][^/]*/', message: 'a feature imports another feature only through its index (../<feature>), never its inner files' };
const domainPatterns = [
  nodeBuiltins, electron, nativeAndServers,
  { group: ['react', 'react-dom', '**/contract/**', '**/workstation/**', '**/server/**', '**/host/**', '**/renderer/**'], message: 'src/domain imports nothing of ours' },
];
const rendererPatterns = [
  nodeBuiltins, electron, nativeAndServers,
  { group: ['**/workstation/**', '**/server/**', '**/host/**'], message: 'the renderer talks to the workstation only through src/contract' },
];
const mainPatterns = [
  { group: ['**/server/**', '**/renderer/**', '**/host/**', '**/domain/**', 'better-sqlite3', 'pg', '@electric-sql/*', 'fastify', '@fastify/*'], message: 'electron/main speaks the contract (src/contract) and nothing else of ours' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'use a union or a zod enum, not enum' }],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(['src/domain/**'], domainPatterns),
  layer(['src/domain/*/**/*.ts'], [...domainPatterns, featureBoundary]),
  layer(['src/common/**'], [
    nodeBuiltins, electron, nativeAndServers,
    { group: ['react', 'react-dom', '**/domain/**', '**/contract/**', '**/workstation/**', '**/server/**', '**/host/**', '**/renderer/**'], message: 'src/common holds primitives that run anywhere and import nothing of ours' },
  ]),
  layer(['src/node/**'], [
    electron, nativeAndServers,
    { group: ['react', 'react-dom', '**/domain/**', '**/contract/**', '**/workstation/**', '**/server/**', '**/host/**', '**/renderer/**'], message: 'src/node holds Node-only primitives (child processes, files) shared by workstation and server; it imports nothing of ours' },
  ]),
  layer(['src/contract/**'], [
    nodeBuiltins, electron, nativeAndServers,
    { group: ['react', '**/workstation/**', '**/server/**', '**/host/**', '**/renderer/**'], message: 'src/contract imports only src/domain' },
  ]),
  layer(['src/renderer/**'], rendererPatterns),
  layer(['src/renderer/features/*/**/*.{ts,tsx}'], [...rendererPatterns, featureBoundary]),
  layer(['src/workstation/**'], [
    electron,
    { group: ['**/renderer/**', '**/server/**', '**/host/**', 'fastify', '@fastify/*', 'pg', '@electric-sql/*'], message: 'src/workstation may import domain and contract only' },
  ]),
  layer(['src/server/**'], [
    electron,
    { group: ['**/workstation/**', '**/renderer/**', '**/host/**', 'better-sqlite3'], message: 'the server never imports the workstation or the renderer' },
  ]),
  layer(['src/host/**'], [
    electron,
    { group: ['**/renderer/**', '**/server/**'], message: 'the web host serves the built renderer; it imports workstation and contract only' },
  ]),
  // Only the utility process's two files start the workstation core; the main process reaches it over messages.
  { ...layer(['electron/main/**'], [...mainPatterns, { group: ['**/workstation/**'], message: 'the main process reaches the workstation core only over utility-process messages' }]), ignores: ['electron/main/workstation-process.ts', 'electron/main/workstation-service.ts'] },
  layer(['electron/main/workstation-process.ts', 'electron/main/workstation-service.ts'], mainPatterns),
  layer(['electron/preload/**'], [
    { group: ['**/workstation/**', '**/server/**', '**/renderer/**', '**/host/**', '**/domain/**'], message: 'the preload exposes the contract client and nothing else' },
  ]),
);
