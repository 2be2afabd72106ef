// The sidebar's HTML shell and its Content Security Policy, as pure functions (no `vscode`), so the
// webview tests load exactly this shell and policy in Chromium. Only our nonce'd bundle may run:
// no inline script, no event-handler attributes, no `javascript:` URLs, no inline styles; style
// sheets, fonts and images come only from the webview's own resource origin.

/** The policy: `cspSource` is `webview.cspSource`, `nonce` fresh for every load. */
export function buildCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** The assets the shell loads, as webview URIs (strings). */
export interface ShellAssets {
  codiconCss: string;
  sidebarCss: string;
  script: string;
}

/** What the page says before its script runs, in the display language (webviewStrings.ts). */
export interface ShellText {
  /** The display language (vscode.env.language), for `lang`. */
  language: string;
  /** Shown until the host has sent the banks. */
  loading: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The whole page: the policy, our two style sheets, the app's mount points and the bundle. */
export function shellHtml(cspSource: string, nonce: string, assets: ShellAssets, text: ShellText): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(text.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${buildCsp(cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${assets.codiconCss}">
<link rel="stylesheet" href="${assets.sidebarCss}">
<title>Call Coach</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(text.loading)}</p></main>
<div id="status" class="status" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${assets.script}"></script>
</body>
</html>`;
}
