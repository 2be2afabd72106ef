// src/ids.ts against package.json: the ids the code uses are exactly the ones the extension
// contributes, so a renamed command or setting cannot drift from its manifest entry.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CommandId, ContextKey, EXTENSION_ID, Setting, SETTINGS_SECTION, settingId, VIEW_CONTAINER_ID, ViewId } from '../../src/ids';

interface Manifest {
  name: string;
  publisher: string;
  contributes: {
    commands: { command: string; enablement?: string }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
    menus: Record<string, { command: string; when?: string }[]>;
    keybindings: { command: string; when?: string }[];
    /** One section, or several (categories in the Settings editor). */
    configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[];
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('ids (src/ids.ts) and package.json', () => {
  it('names the extension as package.json does', () => {
    assert.strictEqual(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
  });

  it('has exactly the contributed commands', () => {
    assert.deepStrictEqual(sorted(Object.values(CommandId)), sorted(manifest.contributes.commands.map((c) => c.command)));
  });

  it('menus only name contributed commands', () => {
    const known = new Set<string>(Object.values(CommandId));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(known.has(item.command), `${menu} names ${item.command}`);
    }
  });

  it('has the view container and the view', () => {
    assert.deepStrictEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.id), [VIEW_CONTAINER_ID]);
    assert.deepStrictEqual(sorted(Object.keys(manifest.contributes.views)), [VIEW_CONTAINER_ID]);
    assert.deepStrictEqual(sorted(Object.values(manifest.contributes.views).flat().map((v) => v.id)), sorted(Object.values(ViewId)));
  });

  it('has exactly the contributed settings', () => {
    const sections = [manifest.contributes.configuration].flat();
    assert.deepStrictEqual(sorted(Object.values(Setting).map(settingId)), sorted(sections.flatMap((c) => Object.keys(c.properties))));
    assert.ok(Object.values(Setting).every((key) => settingId(key) === `${SETTINGS_SECTION}.${key}`));
  });

  it('every callCoach context key in a when clause or enablement is one of ContextKey', () => {
    const clauses = [
      ...manifest.contributes.commands.map((c) => c.enablement ?? ''),
      ...Object.values(manifest.contributes.menus).flat().map((m) => m.when ?? ''),
      ...manifest.contributes.keybindings.map((k) => k.when ?? ''),
    ];
    const used = new Set(clauses.flatMap((w) => w.match(/\bcallCoach\.[A-Za-z]+/g) ?? []));
    const views = new Set<string>(Object.values(ViewId));
    const keys = new Set<string>(Object.values(ContextKey));
    for (const key of used) assert.ok(keys.has(key) || views.has(key), `${key} is used in a when clause but is not in ContextKey`);
    for (const key of keys) assert.ok(used.has(key), `${key} is in ContextKey but no when clause uses it`);
  });
});
