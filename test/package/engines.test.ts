// The README says which Node.js builds, tests and packages Call Coach (20.19 or later: ESLint 10
// needs it; cheerio and undici, under @vscode/vsce, need 20.18.1). That holds only while every package `npm ci` installs
// supports it; otherwise `npm ci` warns EBADENGINE on every fresh clone (as @azure/identity 4.14,
// which needs Node 22, did: package.json pins it to 4.13 with `overrides`).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
const README_MINIMUM = '20.19';
// semver is a dependency of @vscode/vsce (and of npm itself): resolve it from there.
const semver = createRequire(require.resolve('@vscode/vsce/package.json'))('semver') as { satisfies(version: string, range: string): boolean };

describe('the Node.js version the README states', () => {
  it(`says Node.js ${README_MINIMUM} or later`, () => {
    assert.ok(readFileSync(join(repo, 'README.md'), 'utf8').includes(`Node.js ${README_MINIMUM} or later`));
  });

  it('is supported by every package in package-lock.json (no EBADENGINE on npm ci)', () => {
    const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } }> };
    const refusing = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.optional && p.engines?.node && !semver.satisfies(`${README_MINIMUM}.0`, p.engines.node))
      .map(([path, p]) => `${path}@${p.version} wants node ${p.engines?.node}`);
    assert.deepEqual(refusing, []);
  });
});
