// No import circles in src: a module that needs a module that needs it back is one module with
// two names, or a helper in the wrong place. Reads the import and export-from lines of every
// source file (type-only ones too: a type circle is the same design problem) and walks the graph.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

/** Circles known today and being removed (none left: core/text.ts broke capture.ts <-> reducer.ts). */
const KNOWN: string[] = [];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|^\s*import\s+'(\.[^']+)'/gm)].map((m) => m[1] ?? m[2]!);
    edges.set(file, specs.map((s) => resolve(file, s)).filter((f): f is string => !!f));
  }
  return edges;
}

/** Each circle once, as a path starting at its alphabetically first file. */
function circles(edges: Map<string, string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next)).map((f) => path.relative(SRC, f));
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        found.add([...rotated, rotated[0]].join(' -> '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) visit(file);
  return [...found].sort();
}

describe('src has no import circles', () => {
  it('finds none but the known ones being removed', () => {
    const edges = graph();
    assert.ok(edges.size > 50, `read ${edges.size} source files`);
    assert.deepEqual(circles(edges).filter((c) => !KNOWN.includes(c)), []);
  });

  it('sees a circle when there is one', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    assert.deepEqual(circles(new Map([[a, [b]], [b, [a]]])), ['a.ts -> b.ts -> a.ts']);
  });
});
