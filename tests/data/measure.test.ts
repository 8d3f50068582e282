/**
 * `npm run measure` without building anything: argument parsing, which instruction made each layer,
 * keeping previous numbers when a variant fails, the atomic write, the inputs hash and freshness
 * check, and the schema.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildsData, BuildVariant } from '~/data/builds';
import { UsageError, parseMeasureArgs } from '~/tools/measure/args';
import { mergeVariants, readPrevious, writeJsonAtomic } from '~/tools/measure/data';
import { checkFresh, freshnessMessage, inputsHash, listVariants, RECIPE_DIR } from '~/tools/measure/inputs';
import { finalStage, historyKind, mapLayers, type HistoryEntry } from '~/tools/measure/layers';
import { validateBuilds } from '~/tools/measure/schema';

const root = join(import.meta.dirname, '..', '..');
const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/builds.sample.json'), 'utf8')) as BuildsData;
const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'shipshape-measure-test-'));
  temps.push(d);
  return d;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('parseMeasureArgs', () => {
  const known = ['apt-minimal', 'full-single-stage', 'wheels-copied'];
  it('measures everything by default', () => {
    expect(parseMeasureArgs([], known)).toEqual({ help: false, only: null });
  });
  it('takes --only as a comma list or repeated, in the variants\' order, without duplicates', () => {
    expect(parseMeasureArgs(['--only', 'wheels-copied,apt-minimal'], known).only).toEqual(['apt-minimal', 'wheels-copied']);
    expect(parseMeasureArgs(['--only=full-single-stage', '--only', 'apt-minimal,apt-minimal'], known).only).toEqual(['apt-minimal', 'full-single-stage']);
  });
  it('knows --help and -h', () => {
    expect(parseMeasureArgs(['--help'], known).help).toBe(true);
    expect(parseMeasureArgs(['-h'], known).help).toBe(true);
  });
  it('refuses unknown ids, empty lists, unknown options and positionals', () => {
    expect(() => parseMeasureArgs(['--only', 'nope,apt-minimal'], known)).toThrow(/unknown variant id\(s\): nope/);
    expect(() => parseMeasureArgs(['--only', ','], known)).toThrow(UsageError);
    expect(() => parseMeasureArgs(['--all'], known)).toThrow(UsageError);
    expect(() => parseMeasureArgs(['apt-minimal'], known)).toThrow(UsageError);
  });
});

describe('finalStage and historyKind', () => {
  it('follows FROM <stage> chains and gives 1-based lines of joined instructions', () => {
    const df = [
      'FROM python:3.11-slim AS base', // 1
      'RUN apt-get update \\', // 2
      ' && apt-get install -y curl', // 3
      'FROM base AS builder', // 4
      'RUN pip wheel .', // 5
      'FROM base', // 6
      'WORKDIR /app', // 7
      'COPY --from=builder /wheels /wheels', // 8
    ].join('\n');
    const s = finalStage(df);
    expect(s.baseRef).toBe('python:3.11-slim');
    expect(s.instructions.map((i) => [i.keyword, i.line])).toEqual([['RUN', 2], ['COPY', 8]]);
    expect(s.instructions[0]!.text).toMatch(/^RUN apt-get update .*&& apt-get install -y curl$/);
    expect(finalStage(df, { includeWorkdir: true }).instructions.map((i) => i.keyword)).toEqual(['RUN', 'WORKDIR', 'COPY']);
  });
  it('reads buildah and BuildKit history entries', () => {
    expect(historyKind('/bin/sh -c #(nop) COPY file:0a1b in /app ')).toBe('COPY');
    expect(historyKind('/bin/sh -c #(nop) ADD dir:0a1b in / ')).toBe('ADD');
    expect(historyKind('/bin/sh -c pip install -r requirements.txt')).toBe('RUN');
    expect(historyKind('COPY . . # buildkit')).toBe('COPY');
    expect(historyKind('WORKDIR /app')).toBe('WORKDIR');
    expect(historyKind('RUN /bin/sh -c echo COPY # buildkit')).toBe('RUN');
  });
});

describe('mapLayers', () => {
  const dockerfile = [
    'FROM python:3.11-slim AS builder',
    'RUN pip wheel --wheel-dir /wheels -r requirements.txt',
    '',
    'FROM python:3.11-slim',
    'ENV A=1',
    'COPY --from=builder /wheels /wheels',
    'RUN pip install /wheels/* \\',
    ' && rm -rf /wheels',
    'WORKDIR /app',
    'CMD ["python"]',
  ].join('\n');
  const baseHistory: HistoryEntry[] = [
    { created_by: 'debootstrap --variant=minbase bookworm' },
    { created_by: '/bin/sh -c #(nop) ENV PATH=/usr/local/bin:$PATH', empty_layer: true },
    { created_by: '/bin/sh -c apt-get update; apt-get install ca-certificates' },
  ];
  const own: HistoryEntry[] = [
    { created_by: '/bin/sh -c #(nop) ENV A=1', empty_layer: true },
    { created_by: '/bin/sh -c #(nop) COPY dir:abc in /wheels ' },
    { created_by: '/bin/sh -c pip install /wheels/* && rm -rf /wheels' },
    { created_by: '/bin/sh -c #(nop) WORKDIR /app', empty_layer: true },
  ];
  it('marks the base layers and names the instruction and line of each own layer', () => {
    const layers = mapLayers({ dockerfile, history: [...baseHistory, ...own], uncompressed: [100, 50, 7, 3], compressed: [40, 20, 5, 1], baseLayerCount: 2 });
    expect(layers).toEqual([
      { instruction: 'base image: python:3.11-slim', line: null, base: true, uncompressedBytes: 100, compressedBytes: 40 },
      { instruction: 'base image: python:3.11-slim', line: null, base: true, uncompressedBytes: 50, compressedBytes: 20 },
      { instruction: 'COPY --from=builder /wheels /wheels', line: 6, base: false, uncompressedBytes: 7, compressedBytes: 5 },
      { instruction: expect.stringMatching(/^RUN pip install \/wheels\/\* .*&& rm -rf \/wheels$/), line: 7, base: false, uncompressedBytes: 3, compressedBytes: 1 },
    ]);
  });
  it('counts a BuildKit WORKDIR layer when the image has one', () => {
    const history = [...baseHistory, own[1]!, own[2]!, { created_by: 'WORKDIR /app' }];
    const layers = mapLayers({ dockerfile, history, uncompressed: [100, 50, 7, 3, 0], compressed: [40, 20, 5, 1, 32], baseLayerCount: 2 });
    expect(layers.map((l) => [l.line, l.uncompressedBytes])).toEqual([[null, 100], [null, 50], [6, 7], [7, 3], [9, 0]]);
  });
  it('refuses to guess when the layers, the history and the Dockerfile disagree', () => {
    const history = [...baseHistory, ...own];
    expect(() => mapLayers({ dockerfile, history, uncompressed: [100, 50, 7], compressed: [40, 20, 5], baseLayerCount: 2 })).toThrow(/1 layers of its own.*2 RUN\/COPY\/ADD/);
    expect(() => mapLayers({ dockerfile, history, uncompressed: [100, 50, 7, 3], compressed: [40, 20, 5], baseLayerCount: 2 })).toThrow(/gzip copy has 3/);
    expect(() => mapLayers({ dockerfile, history: history.slice(1), uncompressed: [100, 50, 7, 3], compressed: [40, 20, 5, 1], baseLayerCount: 2 })).toThrow(/3 non-empty entries for 4 layers/);
    const swapped = [...baseHistory, own[2]!, own[1]!];
    expect(() => mapLayers({ dockerfile, history: swapped, uncompressed: [100, 50, 7, 3], compressed: [40, 20, 5, 1], baseLayerCount: 2 })).toThrow(/layer 3: the history says RUN .* line 6 is COPY/);
    expect(() => mapLayers({ dockerfile, history, uncompressed: [1], compressed: [1], baseLayerCount: 2 })).toThrow(/fewer than its base/);
  });
});

describe('mergeVariants', () => {
  const v = (id: string, coldSeconds: number) => ({ ...fixture.variants.find((x) => x.id === id)!, timings: { ...fixture.variants[0]!.timings, coldSeconds } }) as BuildVariant;
  const previous = { ...fixture, variants: [v('apt-minimal', 1), v('wheels-copied', 2), v('pip-cache-kept', 3)] };
  const ids = ['apt-minimal', 'full-single-stage', 'wheels-copied', 'wheels-bind-mount'];
  it('takes this run\'s numbers, keeps the previous ones of failed or skipped variants, in the variants\' order', () => {
    const measured = new Map([['wheels-copied', v('wheels-copied', 20)], ['full-single-stage', v('full-single-stage', 30)]]);
    const m = mergeVariants(ids, measured, previous);
    expect(m.variants.map((x) => [x.id, x.timings.coldSeconds])).toEqual([['apt-minimal', 1], ['full-single-stage', 30], ['wheels-copied', 20]]);
    expect(m.kept).toEqual(['apt-minimal']);
    expect(m.missing).toEqual(['wheels-bind-mount']);
  });
  it('drops variants that no longer exist, and works without previous data', () => {
    expect(mergeVariants(ids, new Map(), previous).variants.map((x) => x.id)).not.toContain('pip-cache-kept');
    expect(mergeVariants(ids, new Map([['apt-minimal', v('apt-minimal', 9)]]), null)).toEqual({ variants: [v('apt-minimal', 9)], kept: [], missing: ['full-single-stage', 'wheels-copied', 'wheels-bind-mount'] });
  });
});

describe('writeJsonAtomic and readPrevious', () => {
  it('replaces the file and leaves no temporary file', () => {
    const d = temp();
    const file = join(d, 'builds.json');
    writeFileSync(file, '{"old":true}');
    writeJsonAtomic(file, { schemaVersion: 1, variants: [] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 1, variants: [] });
    expect(readdirSync(d)).toEqual(['builds.json']);
  });
  it('leaves the previous file untouched when writing fails', () => {
    const d = temp();
    const file = join(d, 'builds.json');
    writeFileSync(file, '{"old":true}');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => writeJsonAtomic(file, circular)).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    // the rename itself fails: the target is a non-empty directory
    const dir = join(d, 'taken.json');
    mkdirSync(join(dir, 'x'), { recursive: true });
    expect(() => writeJsonAtomic(dir, { a: 1 })).toThrow();
    expect(readdirSync(d).sort()).toEqual(['builds.json', 'taken.json']);
  });
  it('reads previous data, or null when absent or broken', () => {
    const d = temp();
    expect(readPrevious(join(d, 'none.json'))).toBeNull();
    writeFileSync(join(d, 'bad.json'), '{');
    expect(readPrevious(join(d, 'bad.json'))).toBeNull();
    writeFileSync(join(d, 'ok.json'), JSON.stringify(fixture));
    expect(readPrevious(join(d, 'ok.json'))!.variants).toHaveLength(fixture.variants.length);
  });
});

describe('inputs hash and freshness', () => {
  /** A repository with the real recipe and two small variants. */
  const makeRoot = () => {
    const r = temp();
    cpSync(join(root, RECIPE_DIR), join(r, RECIPE_DIR), { recursive: true });
    for (const id of ['apt-minimal', 'wheels-copied']) {
      mkdirSync(join(r, 'content/builds', id, 'src'), { recursive: true });
      writeFileSync(join(r, 'content/builds', id, 'Dockerfile'), `FROM python:3.11-slim\nRUN echo ${id}\n`);
      writeFileSync(join(r, 'content/builds', id, 'src', 'main.py'), 'print(1)\n');
    }
    mkdirSync(join(r, 'content/builds', '_shared'));
    mkdirSync(join(r, 'src/data'), { recursive: true });
    return r;
  };
  const record = (r: string, ids: string[]) =>
    writeFileSync(join(r, 'src/data/builds.json'), JSON.stringify({ variants: ids.map((id) => ({ id, inputsHash: inputsHash(r, id) })) }));

  it('lists variant directories only', () => {
    expect(listVariants(makeRoot())).toEqual(['apt-minimal', 'wheels-copied']);
  });
  it('changes with any file of the variant or the recipe, not with bytecode', () => {
    const r = makeRoot();
    const h = inputsHash(r, 'apt-minimal');
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inputsHash(r, 'wheels-copied')).not.toBe(h);
    mkdirSync(join(r, 'content/builds/apt-minimal/src/__pycache__'));
    writeFileSync(join(r, 'content/builds/apt-minimal/src/__pycache__/main.cpython-311.pyc'), 'x');
    writeFileSync(join(r, 'content/builds/apt-minimal/src/main.pyc'), 'x');
    expect(inputsHash(r, 'apt-minimal')).toBe(h);
    writeFileSync(join(r, 'content/builds/apt-minimal/src/main.py'), 'print(2)\n');
    const h2 = inputsHash(r, 'apt-minimal');
    expect(h2).not.toBe(h);
    writeFileSync(join(r, RECIPE_DIR, 'mkbase.sh'), '# changed\n', { flag: 'a' });
    expect(inputsHash(r, 'apt-minimal')).not.toBe(h2);
  });
  it('reports missing data, unmeasured, stale and removed variants by name', () => {
    const r = makeRoot();
    const none = checkFresh(r);
    expect(none.ok).toBe(false);
    expect(none.problems[0]).toMatch(/does not exist/);
    record(r, ['apt-minimal', 'wheels-copied']);
    expect(checkFresh(r)).toEqual({ ok: true, problems: [], stale: [] });
    writeFileSync(join(r, 'content/builds/wheels-copied/Dockerfile'), 'FROM python:3.11\n');
    const stale = checkFresh(r);
    expect(stale.stale).toEqual(['wheels-copied']);
    expect(freshnessMessage(stale)).toMatch(/wheels-copied: content\/builds\/wheels-copied\/ or the base recipe changed[\s\S]*npm run measure/);
    record(r, ['apt-minimal']);
    expect(checkFresh(r).problems).toEqual(['wheels-copied: not measured (no entry in src/data/builds.json)']);
    rmSync(join(r, 'content/builds/wheels-copied'), { recursive: true });
    writeFileSync(join(r, 'src/data/builds.json'), JSON.stringify({ variants: [{ id: 'apt-minimal', inputsHash: inputsHash(r, 'apt-minimal') }, { id: 'gone', inputsHash: 'x' }] }));
    expect(checkFresh(r).problems).toEqual(['gone: measured, but content/builds/gone/ no longer exists']);
  });
});

describe('the schema', () => {
  it('accepts the fixture and rejects extra fields, bad digests and unknown ids', () => {
    expect(validateBuilds(root, fixture)).toEqual([]);
    expect(validateBuilds(root, { ...fixture, extra: 1 }).join('\n')).toMatch(/additional properties.*"extra"/);
    const bad = structuredClone(fixture);
    bad.variants[0]!.imageId = 'abc';
    bad.variants[1]!.id = 'nope';
    const errors = validateBuilds(root, bad).join('\n');
    expect(errors).toMatch(/\/variants\/0\/imageId/);
    expect(errors).toMatch(/\/variants\/1\/id/);
  });
  it.skipIf(!existsSync(join(root, 'src/data/builds.json')))('accepts src/data/builds.json, whose totals are the sums of its layers', () => {
    const data = JSON.parse(readFileSync(join(root, 'src/data/builds.json'), 'utf8')) as BuildsData;
    expect(validateBuilds(root, data)).toEqual([]);
    for (const v of data.variants) {
      expect(v.layers.reduce((s, l) => s + l.uncompressedBytes, 0)).toBe(v.uncompressedBytes);
      expect(v.layers.reduce((s, l) => s + l.compressedBytes, 0)).toBe(v.compressedBytes);
      expect(v.layers).toHaveLength(v.layerCount);
    }
  });
});
