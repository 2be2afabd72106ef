// The sidebar's HTML shell: a strict CSP with a per-load nonce, and only our own bundle, style
// sheet and the codicon font, all served from dist/ and media/. The shell and the policy
// themselves are pure (csp.ts), so the webview tests load the very same page.
import * as vscode from 'vscode';
import { shellHtml } from './csp';
import { webviewStrings } from './webviewStrings';

export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  // WebCrypto: the same in the Node and the web worker extension hosts.
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return shellHtml(
    webview.cspSource,
    nonce,
    {
      codiconCss: asset('dist', 'codicons', 'codicon.css'),
      sidebarCss: asset('media', 'sidebar.css'),
      script: asset('dist', 'webview.js'),
    },
    { language: vscode.env.language, loading: webviewStrings().loading },
  );
}
