// ESLint (flat config), run by `npm test` as `eslint --config test/eslint.config.mjs` (the repo's
// top level is fixed, so the config lives with the tests). Its main job is the house rule that
// src/core is the domain: no `vscode`, no Node built-ins, so the CLI, the browser bundle and the
// tests run the very same code. The webview runs in a browser: no `vscode`, no Node either.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const restrict = (where) => {
  const node = `${where} runs outside Node too; take what it needs from the host as an argument or an interface (see src/core/notesFolder.ts).`;
  return {
    'no-restricted-imports': [
      'error',
      {
        // Exact names (a pattern such as 'constants' would also match './constants').
        paths: [
          { name: 'vscode', message: `${where} never imports vscode; put the VS Code part in src/host.` },
          ...builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: node })),
        ],
        patterns: [{ group: ['node:*'], message: node }],
      },
    ],
  };
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**'] },
  // TypeScript syntax, and the plugin's rules by name (eslint-disable comments in src name them).
  // The recommended set is not switched on: this config guards the layering, tsc --strict the types.
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-require-imports': 'error' },
  },
  { files: ['src/core/**/*.ts'], rules: restrict('src/core') },
  { files: ['src/webview/**/*.ts'], rules: restrict('The webview') },
);
