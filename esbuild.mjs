// Two bundles: the extension host (Node, CommonJS, `vscode` external) and the webview (browser
// IIFE). `--production` minifies without source maps for packaging; `--watch` rebuilds on save.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: message` form VS Code's problem matchers read. */
const reportProblems = {
  name: 'report-problems',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`${location?.file}:${location?.line}:${location?.column}: error: ${text}`);
      }
      if (watch) console.log(`[watch] ${build.initialOptions.outfile} rebuilt (${result.errors.length} errors)`);
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [reportProblems],
};

const host = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  // Prefer ES modules so unused code is shaken out.
  mainFields: ['module', 'main'],
};

/** First and last statements of an entry bundle: they time its evaluation, for CallCoachApi.activationMs. */
const timed = {
  banner: { js: '"use strict";var __callCoachStart=performance.now(),__callCoachEvaluated;' },
  footer: { js: '__callCoachEvaluated=performance.now();' },
};

const builds = [
  // The Node entry (package.json `main`): the activation shell plus the Node-only pieces
  // (src/host/nodePlatform.ts); on first use it loads the features from dist/web/extension.js.
  { ...host, ...timed, entryPoints: ['src/host/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './web/extension.js'] },
  // The `call-coach` command line (package.json `bin`): Node only, no `vscode`, the same src/core.
  // Built `neutral` so that packages resolve their `default` export, as the extension host's
  // features bundle does: yaml's `node` export reads process.env on every token it parses (for its
  // LOG_TOKENS / LOG_STREAM debugging), which makes reading YAML twice as slow; its `default`
  // export is the same code without that. Node's built-ins (all imported as `node:…`) stay external.
  {
    ...host,
    platform: 'neutral',
    entryPoints: ['src/cli/bin.ts'],
    outfile: 'dist/cli.js',
    external: ['node:*'],
    banner: { js: '#!/usr/bin/env node' },
    define: { CALL_COACH_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  // The browser entry (package.json `browser`) for the web worker extension host of vscode.dev,
  // github.dev and GitLab's Web IDE, and the features bundle the Node entry loads: one copy of
  // every feature for both hosts. One file, since a web worker cannot load a sibling bundle
  // (esbuild still evaluates the features lazily, on first use). Built for the browser, so any
  // Node import is a build error: nothing Node-only slips in.
  {
    ...host,
    ...timed,
    entryPoints: ['src/host/extension.web.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome114',
  },
];

// The webview cannot reach the workbench's own codicon font, so it ships a copy: the font, and of
// codicon.css its shared rules and the icons the sidebar uses (src/webview/codicons.ts). One
// `.codicon-name:before { content: … }` rule per line is how @vscode/codicons writes them.
mkdirSync('dist/codicons', { recursive: true });
cpSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/codicons/codicon.ttf');
const used = new Set([...readFileSync('src/webview/codicons.ts', 'utf8').matchAll(/^\s*'([\w-]+)',$/gm)].map((m) => m[1]));
const codiconCss = readFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'utf8')
  .split('\n')
  .filter((line) => {
    const rule = /^\.codicon-([\w-]+):before \{/.exec(line);
    return !rule || used.has(rule[1]);
  })
  .join('\n');
const shipped = new Set([...codiconCss.matchAll(/^\.codicon-([\w-]+):before \{/gm)].map((m) => m[1]));
const missing = [...used].filter((name) => !shipped.has(name));
if (!used.size || missing.length) throw new Error(`codicons: ${missing.length ? `not in @vscode/codicons: ${missing.join(', ')}` : 'none read from src/webview/codicons.ts'}`);
writeFileSync('dist/codicons/codicon.css', codiconCss);

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching src/ for changes');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  for (const r of results) {
    for (const [file, { bytes }] of Object.entries(r.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KB`);
    }
  }
}
