/**
 * Stale measurement data fails the site build (issue #7): the Astro integration in astro.config.mjs
 * compares every variant's inputs hash (src/tools/measure/inputs.ts) with src/data/builds.json and
 * throws, naming the variant and `npm run measure`. Exercised on temporary copies of
 * content/builds/ and the base recipe, never on the repository's own data.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import config, { buildsDataCheck } from '../../astro.config.mjs';
import { BUILDS_DIR, DATA_FILE, RECIPE_DIR, inputsHash, listVariants } from '~/tools/measure/inputs';

const repo = join(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A copy of the example set and the recipe, with data recorded for every variant (or the ids given). */
function copyRepo(measured?: string[]): { root: string; ids: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-fresh-'));
  temps.push(root);
  cpSync(join(repo, BUILDS_DIR), join(root, BUILDS_DIR), { recursive: true });
  cpSync(join(repo, RECIPE_DIR), join(root, RECIPE_DIR), { recursive: true });
  mkdirSync(join(root, 'src/data'), { recursive: true });
  const ids = listVariants(root);
  if (measured !== undefined || ids.length) record(root, measured ?? ids);
  return { root, ids };
}
function record(root: string, ids: string[]): void {
  const fixture = JSON.parse(readFileSync(join(repo, 'tests/fixtures/builds.sample.json'), 'utf8')) as { variants: Array<{ id: string; inputsHash: string }> };
  const variants = ids.map((id) => ({ ...(fixture.variants.find((v) => v.id === id) ?? { id }), id, inputsHash: inputsHash(root, id) }));
  writeFileSync(join(root, DATA_FILE), JSON.stringify({ ...fixture, variants }, null, 2));
}

const build = { command: 'build', env: {} };
const buildCI = { command: 'build', env: { CI: 'true' } };

describe('buildsDataCheck (the check `npm run build` runs)', () => {
  it('passes when every variant is measured from its current inputs', () => {
    const { root, ids } = copyRepo();
    expect(ids.length).toBeGreaterThan(0);
    expect(buildsDataCheck(root, buildCI)).toEqual({ fail: null, warn: null });
    expect(buildsDataCheck(root, build)).toEqual({ fail: null, warn: null });
  });

  it('fails when one Dockerfile changed, naming that variant and `npm run measure`', () => {
    const { root, ids } = copyRepo();
    const id = ids.includes('wheels-copied') ? 'wheels-copied' : ids[0]!;
    const dockerfile = join(root, BUILDS_DIR, id, 'Dockerfile');
    writeFileSync(dockerfile, `${readFileSync(dockerfile, 'utf8')}\nLABEL changed=yes\n`);
    for (const options of [build, buildCI]) {
      const { fail } = buildsDataCheck(root, options);
      expect(fail).toContain(`${id}: content/builds/${id}/ or the base recipe changed`);
      expect(fail).toContain('`npm run measure`');
      // Only the changed variant is named.
      for (const other of ids.filter((x) => x !== id)) expect(fail).not.toMatch(new RegExp(`^  - ${other}:`, 'm'));
    }
  });

  it('fails when a variant directory has no data', () => {
    const { root, ids } = copyRepo();
    const id = ids[ids.length - 1]!;
    record(root, ids.filter((x) => x !== id));
    const { fail } = buildsDataCheck(root, build);
    expect(fail).toContain(`${id}: not measured (no entry in src/data/builds.json)`);
    expect(fail).toContain('npm run measure');
  });

  it('fails when the base recipe changed, naming every variant', () => {
    const { root, ids } = copyRepo();
    writeFileSync(join(root, RECIPE_DIR, 'mkbase.sh'), '# changed\n', { flag: 'a' });
    const { fail } = buildsDataCheck(root, build);
    for (const id of ids) expect(fail).toContain(`  - ${id}: `);
  });

  it('without data: fails a CI build, lets a local build and `astro dev` go on with a warning', () => {
    const { root } = copyRepo();
    rmSync(join(root, DATA_FILE));
    const ci = buildsDataCheck(root, buildCI);
    expect(ci.fail).toContain('src/data/builds.json does not exist');
    expect(ci.fail).toContain('npm run measure');
    for (const options of [build, { command: 'dev', env: { CI: 'true' } }, { command: 'dev', env: {} }]) {
      const { fail, warn } = buildsDataCheck(root, options);
      expect(fail).toBeNull();
      expect(warn).toContain('not measured yet');
      expect(warn).toContain('npm run measure');
    }
    expect(buildsDataCheck(root, { command: 'build', env: { CI: 'false' } }).fail).toBeNull();
  });

  it('only warns in `astro dev` on stale data, and says nothing for sync and preview', () => {
    const { root, ids } = copyRepo();
    writeFileSync(join(root, BUILDS_DIR, ids[0]!, 'Dockerfile'), 'FROM python:3.11\n');
    expect(buildsDataCheck(root, { command: 'dev', env: {} })).toMatchObject({ fail: null, warn: expect.stringContaining(ids[0]!) });
    for (const command of ['sync', 'preview']) expect(buildsDataCheck(root, { command, env: { CI: 'true' } })).toEqual({ fail: null, warn: null });
  });
});

describe('the integration in astro.config.mjs', () => {
  const integration = config.integrations?.find((i) => i && typeof i === 'object' && 'name' in i && i.name === 'shipshape:builds-fresh');
  type Hook = (options: { command: string; config: { root: URL }; logger: { warn: (m: string) => void } }) => void;
  const hook = (integration as { hooks: Record<string, Hook> } | undefined)?.hooks['astro:config:setup'];

  it('is registered, first, on astro:config:setup', () => {
    expect(typeof hook).toBe('function');
    expect(config.integrations?.[0]).toBe(integration);
  });

  it('throws on `astro build` with a changed Dockerfile, and only warns in dev', () => {
    const { root, ids } = copyRepo();
    const id = ids[0]!;
    writeFileSync(join(root, BUILDS_DIR, id, 'Dockerfile'), 'FROM python:3.11\n', { flag: 'a' });
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) };
    const rootUrl = pathToFileURL(`${root}/`);
    const saved = process.env.SHIPSHAPE_BUILDS_DATA;
    delete process.env.SHIPSHAPE_BUILDS_DATA;
    try {
      expect(() => hook!({ command: 'build', config: { root: rootUrl }, logger })).toThrow(new RegExp(`${id}: content/builds/${id}/[\\s\\S]*npm run measure`));
      expect(() => hook!({ command: 'dev', config: { root: rootUrl }, logger })).not.toThrow();
      expect(warnings.join('\n')).toContain(id);
    } finally {
      if (saved !== undefined) process.env.SHIPSHAPE_BUILDS_DATA = saved;
    }
  });
});
