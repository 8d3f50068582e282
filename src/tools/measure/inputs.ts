/**
 * What a measurement was made from, and whether src/data/builds.json still matches it.
 *
 * Shared by `npm run measure` (which records each variant's inputs hash), check-fresh.ts (CI), the
 * Astro integration in astro.config.mjs (which fails `npm run build` on stale data) and the tests.
 * Reads files only: no builds, no network.
 *
 * A variant's inputs hash covers every file of its directory content/builds/<id>/ (the build
 * context with its Dockerfile, .dockerignore and meta.json; bytecode and __pycache__ excepted) and
 * the shared base recipe in src/tools/measure/recipe/ (how the stand-in base images, the wheels and
 * the local index are made). Changing any of them makes the variant stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const BUILDS_DIR = 'content/builds';
export const RECIPE_DIR = 'src/tools/measure/recipe';
export const DATA_FILE = 'src/data/builds.json';
export const SCHEMA_FILE = 'src/data/builds.schema.json';
export const MEASURE_COMMAND = 'npm run measure';

/** What each variant directory says about itself (meta.json). */
export interface VariantMeta {
  title: string;
  description: string;
  /** Guide slugs (content/guides/<slug>.mdx) the variant illustrates. */
  guides: string[];
  /** Rule names (src/rules/<name>.ts) the variant illustrates: they fire on it, or it is their fix. */
  rules: string[];
  /** The rules our linter reports on this Dockerfile: the problems the variant exists to show. */
  findings: string[];
}

const IGNORED = (name: string) => name === '__pycache__' || /\.py[cod]$/.test(name);

/** Files under dir (relative, '/'-separated, sorted), skipping bytecode. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (IGNORED(entry.name)) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function hashFiles(hash: ReturnType<typeof createHash>, dir: string, prefix: string): void {
  for (const file of listFiles(dir)) {
    const digest = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
    hash.update(`${prefix}${file}\0${digest}\n`);
  }
}

/** The variant ids: the directories of content/builds/ (those starting with _ or . excepted), sorted. */
export function listVariants(root: string): string[] {
  const dir = join(root, BUILDS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !/^[_.]/.test(e.name))
    .map((e) => e.name)
    .sort();
}

export function variantDir(root: string, id: string): string {
  return join(root, BUILDS_DIR, id);
}

/** sha256 over the base recipe files alone. */
export function recipeHash(root: string): string {
  const hash = createHash('sha256');
  hashFiles(hash, join(root, RECIPE_DIR), '');
  return `sha256:${hash.digest('hex')}`;
}

/** "sha256:<hex>" over the variant's files and the shared base recipe. */
export function inputsHash(root: string, id: string): string {
  const dir = variantDir(root, id);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${BUILDS_DIR}/${id} does not exist`);
  const hash = createHash('sha256');
  hash.update('shipshape-builds-inputs/1\n');
  hashFiles(hash, dir, 'variant/');
  hashFiles(hash, join(root, RECIPE_DIR), 'recipe/');
  return `sha256:${hash.digest('hex')}`;
}

/** Reads and checks content/builds/<id>/meta.json. */
export function readMeta(root: string, id: string): VariantMeta {
  const file = join(variantDir(root, id), 'meta.json');
  const meta = JSON.parse(readFileSync(file, 'utf8')) as Partial<VariantMeta>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (typeof meta.title !== 'string' || typeof meta.description !== 'string' || !strings(meta.guides) || !strings(meta.rules) || !strings(meta.findings)) {
    throw new Error(`${relative(root, file)}: needs title, description (strings) and guides, rules, findings (string arrays)`);
  }
  return meta as VariantMeta;
}

export interface Freshness {
  ok: boolean;
  /** One line per problem, naming the variant. */
  problems: string[];
  /** Variant ids whose data is missing or stale. */
  stale: string[];
}

/** Compares every variant's inputs hash with src/data/builds.json under root. Cheap: hashes files only. */
export function checkFresh(root: string): Freshness {
  const ids = listVariants(root);
  const problems: string[] = [];
  const stale: string[] = [];
  const dataPath = join(root, DATA_FILE);
  let recorded = new Map<string, string>();
  if (!existsSync(dataPath)) {
    if (ids.length) problems.push(`${DATA_FILE} does not exist (variants: ${ids.join(', ')})`);
    return { ok: ids.length === 0, problems, stale: ids };
  }
  try {
    const data = JSON.parse(readFileSync(dataPath, 'utf8')) as { variants?: Array<{ id?: unknown; inputsHash?: unknown }> };
    recorded = new Map((data.variants ?? []).map((v) => [String(v.id), String(v.inputsHash)]));
  } catch (e) {
    problems.push(`${DATA_FILE} is not valid JSON: ${(e as Error).message}`);
    return { ok: false, problems, stale: ids };
  }
  for (const id of ids) {
    const want = recorded.get(id);
    if (want === undefined) {
      problems.push(`${id}: not measured (no entry in ${DATA_FILE})`);
      stale.push(id);
      continue;
    }
    const have = inputsHash(root, id);
    if (have !== want) {
      problems.push(`${id}: ${BUILDS_DIR}/${id}/ or the base recipe changed since it was measured (inputs ${have.slice(0, 19)}…, measured ${want.slice(0, 19)}…)`);
      stale.push(id);
    }
  }
  for (const id of recorded.keys()) {
    if (!ids.includes(id)) problems.push(`${id}: measured, but ${BUILDS_DIR}/${id}/ no longer exists`);
  }
  return { ok: problems.length === 0, problems, stale };
}

/** The message printed when the data is stale. */
export function freshnessMessage(result: Freshness): string {
  return [
    `The measured build data (${DATA_FILE}) does not match content/builds/:`,
    ...result.problems.map((p) => `  - ${p}`),
    `Re-measure with \`${MEASURE_COMMAND}\` (as root, needs buildah, skopeo and debootstrap) and commit ${DATA_FILE}.`,
  ].join('\n');
}
