// The sidebar's strings as the host sends them in English: src/host/webviewStrings.ts itself,
// bundled with esbuild with `vscode.l10n.t` standing in as VS Code's is without a bundle (the
// message as written, placeholders kept), so the webview tests see exactly the host's words.
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import type { UiStrings } from '../../src/uiStrings';

const repo = join(__dirname, '..', '..', '..');
let cached: UiStrings | undefined;

export async function englishStrings(): Promise<UiStrings> {
  if (cached) return cached;
  const built = await esbuild.build({
    entryPoints: [join(repo, 'src', 'host', 'webviewStrings.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'vscode-l10n-as-written',
        setup(build) {
          build.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'shim' }));
          build.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({ contents: 'export const l10n = { t: (message) => message };', loader: 'js' }));
        },
      },
    ],
  });
  const module = { exports: {} as { webviewStrings?: () => UiStrings } };
  new Function('module', 'exports', built.outputFiles[0]!.text)(module, module.exports);
  cached = module.exports.webviewStrings!();
  return cached;
}
