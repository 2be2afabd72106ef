// The activation benchmark's "test suite", loaded by a real VS Code extension host as
// --extensionTestsPath (test/bench/run.mjs starts it through test/host/code-wrapper.mjs with
// CALL_COACH_PHASES, so each phase is a fresh extension host after a window reload). It activates
// Call Coach, reads CallCoachApi.activationMs (evaluating dist/extension.js, from its first to its
// last statement, plus activate() from its first to its last; the time VS Code spends preparing the
// extension context in between is its own) and appends one JSON line to $CALL_COACH_BENCH_RESULT.
// Plain CommonJS: nothing to compile.
'use strict';
const fs = require('fs');
const vscode = require('vscode');

const ID = 'call-coach.call-coach';

exports.run = async function run() {
  const out = process.env.CALL_COACH_BENCH_RESULT;
  const phaseFile = process.env.CALL_COACH_PHASE_FILE;
  const phase = phaseFile && fs.existsSync(phaseFile) ? Number(fs.readFileSync(phaseFile, 'utf8').trim()) : 1;
  const ext = vscode.extensions.getExtension(ID);
  if (!ext) throw new Error(`${ID} is not loaded`);
  const wasActive = ext.isActive;
  const api = await ext.activate();
  const line = { phase, activationMs: api && api.activationMs, wasActive, node: process.versions.node, vscode: vscode.version };
  if (out) fs.appendFileSync(out, `${JSON.stringify(line)}\n`);
  console.log(`[bench] activation phase ${phase}: ${typeof line.activationMs === 'number' ? line.activationMs.toFixed(2) : line.activationMs} ms`);
  if (typeof line.activationMs !== 'number') throw new Error('activate() returned no activationMs: is dist/extension.js built with its banner (esbuild.mjs)?');
};
