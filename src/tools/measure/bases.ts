/**
 * Stand-ins for the base images, built locally because no registry is reachable (buildah only):
 * debian:bookworm(-slim) from debootstrap (recipe/mkbase.sh), buildpack-deps:bookworm, and
 * python:3.11-slim / python:3.11 compiled from Debian's CPython source tarball the way the official
 * images are; plus the wheels of the local package index, repacked from Debian packages.
 *
 * They are kept in the cache dir's buildah store between runs, keyed by the hash of recipe/: a run
 * reuses them while the recipe is unchanged, and rebuilds all of them when it changes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildBase } from '../../data/builds';
import { type Buildah, measureImage, sum } from './builder';
import { run } from './exec';
import { RECIPE_DIR, recipeHash } from './inputs';

export interface Recipe {
  suite: string;
  mirror: string;
  securityMirror: string;
  cpython: { version: string; file: string; pool: string; md5: string };
  wheelhouse: string[];
  sourceChange: { file: string; append: string };
  requirementsChange: { file: string; append: string };
}

export function readRecipe(root: string): Recipe {
  return JSON.parse(readFileSync(join(root, RECIPE_DIR, 'recipe.json'), 'utf8')) as Recipe;
}

export interface StandInBase extends BuildBase {
  /** The name in the local store. */
  image: string;
}

interface State {
  recipeHash: string;
  createdAt: string;
  bases: StandInBase[];
}

export interface StepRunner {
  /** Runs a named step with its own log file, printing its progress and time. */
  step<T>(name: string, fn: (log: string) => Promise<T>): Promise<T>;
}

export interface StandIns {
  bases: StandInBase[];
  wheelDir: string;
  /** True when this run built them (false: reused from the cache dir). */
  built: boolean;
}

const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');

/** Debian's CPython source tarball, downloaded once into the cache dir and checked against its md5. */
async function cpythonTarball(recipe: Recipe, dir: string, log: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, recipe.cpython.file);
  if (existsSync(file) && md5(file) === recipe.cpython.md5) return file;
  const url = `${recipe.mirror}/${recipe.cpython.pool}`;
  writeFileSync(log, `GET ${url}\n`, { flag: 'a' });
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const got = md5(file);
  if (got !== recipe.cpython.md5) {
    rmSync(file);
    throw new Error(`${url}: md5 ${got}, expected ${recipe.cpython.md5} (bookworm's Sources index)`);
  }
  return file;
}

/** The stand-ins for this recipe: reused from the cache dir, or built. */
export async function standIns(
  root: string,
  cacheDir: string,
  b: Buildah,
  ociDir: string,
  steps: StepRunner,
  startIndex: (wheelDir: string) => Promise<string>,
): Promise<StandIns & { pipConf: string }> {
  const recipe = readRecipe(root);
  const hash = recipeHash(root);
  const dir = join(cacheDir, 'bases', hash.slice('sha256:'.length, 'sha256:'.length + 16));
  const stateFile = join(dir, 'bases.json');
  const wheelDir = join(dir, 'wheels');

  if (existsSync(stateFile) && existsSync(wheelDir)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as State;
    const current = await Promise.all(state.bases.map(async (base) => (await b.exists(base.image)) && (await imageId(b, base.image)) === base.imageId));
    if (state.recipeHash === hash && current.every(Boolean)) {
      console.log(`measure: reusing the stand-in base images built ${state.createdAt.slice(0, 10)} (recipe ${hash.slice(0, 19)}…, ${dir})`);
      return { bases: state.bases, wheelDir, built: false, pipConf: await startIndex(wheelDir) };
    }
  }

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(wheelDir, { recursive: true });
  const createdAt = new Date();
  const day = createdAt.toISOString().slice(0, 10);
  // Every mtime in the Debian tarballs and the import commit's timestamp: the start of the day (UTC),
  // so two builds on the same day from the same mirror state give the same image IDs.
  const epoch = String(Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000));
  const recipeDir = join(root, RECIPE_DIR);
  const debootstrap = (await run('dpkg-query', ['-W', '-f=${Version}', 'debootstrap'], { capture: true })).stdout.trim();
  const tarball = await steps.step('cpython-source', (log) => cpythonTarball(recipe, join(cacheDir, 'downloads'), log));

  const tars = join(dir, 'tars');
  mkdirSync(tars, { recursive: true });
  await steps.step('debootstrap', (log) => run('sh', [join(recipeDir, 'mkbase.sh'), tars, recipe.mirror, recipe.securityMirror, epoch], { log, timeoutSeconds: 1200 }));
  await steps.step('import-debian', async (log) => {
    for (const v of [recipe.suite, `${recipe.suite}-slim`]) {
      const c = (await b.exec(['from', 'scratch'], log, true)).stdout.trim();
      await b.exec(['add', c, join(tars, `${v}.tar`), '/'], log);
      await b.exec(
        ['config', '--env', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', '--cmd', 'bash',
          '--created-by', `debootstrap --variant=minbase ${recipe.suite} ${recipe.mirror} (+updates, security)${v.endsWith('-slim') ? ', slimmed' : ''}`, c],
        log,
      );
      await b.exec(['commit', '--rm', '--timestamp', epoch, c, `docker.io/library/debian:${v}`], log);
    }
  });
  rmSync(tars, { recursive: true, force: true });

  await steps.step('wheelhouse', async (log) => {
    await b.build({
      context: recipeDir,
      dockerfile: join(recipeDir, 'wheelhouse.Dockerfile'),
      buildArgs: { PACKAGES: recipe.wheelhouse.join(' ') },
      output: `type=local,dest=${wheelDir}`,
      log,
    });
    // pip and setuptools: the upstream wheels CPython's ensurepip bundles (Debian's are patched).
    const x = join(dir, 'ensurepip');
    mkdirSync(x, { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', x, '--strip-components=4', '--wildcards', '*/Lib/ensurepip/_bundled/*.whl'], { log });
    for (const f of readdirSync(x).filter((f) => f.endsWith('.whl'))) copyFileSync(join(x, f), join(wheelDir, f));
    rmSync(x, { recursive: true, force: true });
    const wheels = readdirSync(wheelDir).filter((f) => f.endsWith('.whl'));
    if (wheels.length < recipe.wheelhouse.length + 2) throw new Error(`the wheelhouse has ${wheels.length} wheels, expected ${recipe.wheelhouse.length + 2}`);
  });
  const pipConf = await startIndex(wheelDir);

  const srcDir = join(cacheDir, 'downloads');
  await steps.step('python-3.11-slim', (log) =>
    b.build({ context: srcDir, dockerfile: join(recipeDir, 'python-slim.Dockerfile'), volumes: [`${pipConf}:/etc/pip.conf:ro`], tag: 'docker.io/library/python:3.11-slim', log }),
  );
  await steps.step('buildpack-deps', (log) =>
    b.build({ context: recipeDir, dockerfile: join(recipeDir, 'buildpack-deps.Dockerfile'), tag: `docker.io/library/buildpack-deps:${recipe.suite}`, log }),
  );
  await steps.step('python-3.11', (log) =>
    b.build({ context: recipeDir, dockerfile: join(recipeDir, 'python-full.Dockerfile'), tag: 'docker.io/library/python:3.11', log }),
  );

  const mirror = `${recipe.mirror} as of ${day}`;
  const src = `CPython ${recipe.cpython.version} from Debian's ${recipe.cpython.file} (md5 ${recipe.cpython.md5})`;
  const made: Array<[string, string, string]> = [
    [`debian:${recipe.suite}`, `docker.io/library/debian:${recipe.suite}`,
      `debootstrap ${debootstrap} --variant=minbase ${recipe.suite}, ${mirror} (+ ${recipe.suite}-updates, ${recipe.suite}-security), dist-upgraded and cleaned like the official image (${RECIPE_DIR}/mkbase.sh)`],
    [`debian:${recipe.suite}-slim`, `docker.io/library/debian:${recipe.suite}-slim`,
      `the debian:${recipe.suite} stand-in with docs, man pages and locales removed like debuerreotype-slimify (${RECIPE_DIR}/mkbase.sh), ${day}`],
    [`buildpack-deps:${recipe.suite}`, `docker.io/library/buildpack-deps:${recipe.suite}`,
      `docker-library/buildpack-deps ${recipe.suite} (curl, scm, full) package layers on the debian:${recipe.suite} stand-in, ${mirror} (${RECIPE_DIR}/buildpack-deps.Dockerfile)`],
    ['python:3.11-slim', 'docker.io/library/python:3.11-slim',
      `${src}, compiled with docker-library/python's 3.11/slim-bookworm recipe without PGO/LTO on the debian:${recipe.suite}-slim stand-in, ${day} (${RECIPE_DIR}/python-slim.Dockerfile)`],
    ['python:3.11', 'docker.io/library/python:3.11',
      `the buildpack-deps:${recipe.suite} stand-in plus python:3.11's runtime packages and /usr/local (${src}) from the python:3.11-slim stand-in, ${day} (${RECIPE_DIR}/python-full.Dockerfile)`],
  ];
  const bases = await steps.step('measure-bases', async (log) => {
    const out: StandInBase[] = [];
    for (const [ref, image, provenance] of made) {
      const m = await measureImage(b, image, ociDir, ref.replace(/[^\w.-]/g, '_'), log);
      out.push({ ref, image, imageId: m.imageId, provenance, uncompressedBytes: sum(m.uncompressed), compressedBytes: sum(m.compressed), layerCount: m.uncompressed.length });
    }
    return out;
  });
  const state: State = { recipeHash: hash, createdAt: createdAt.toISOString(), bases };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  return { bases, wheelDir, built: true, pipConf };
}

async function imageId(b: Buildah, image: string): Promise<string> {
  const out = (await run('skopeo', ['inspect', '--raw', b.ref(image)], { capture: true })).stdout;
  return (JSON.parse(out) as { config: { digest: string } }).config.digest;
}
