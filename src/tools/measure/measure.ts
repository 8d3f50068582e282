/**
 * `npm run measure`: builds every example image of content/builds/ for real and writes
 * src/data/builds.json (schema: src/data/builds.schema.json). See USAGE in args.ts and the README's
 * "Measuring the example builds".
 *
 * Per variant: a cold build (--no-cache, cache mounts emptied), the sizes of that image (layer tar
 * bytes; gzip blobs from a copy to an OCI layout) with each layer's instruction, then rebuilds with
 * the layer cache: nothing changed, a source-only change, a requirements change (recipe.json says
 * which file gets what appended; applied to a copy of the context, never to content/builds).
 *
 * Before each variant, every image but the base images is removed from the store, so its rebuilds
 * find only its own layers (see Buildah.isolate); the store then holds only the bases between runs.
 *
 * Failure-safe: the data is validated and written atomically; a variant that fails keeps its
 * previous numbers, and the run names it and its log and exits 1.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildBase, BuildsData, BuildVariant } from '../../data/builds';
import { USAGE, UsageError, parseMeasureArgs } from './args';
import { readRecipe, standIns } from './bases';
import { type Builder, Buildah, DockerBuildx, measureImage, sum } from './builder';
import { mergeVariants, readPrevious, writeJsonAtomic } from './data';
import { startIndex, pipConf, type IndexServer } from './index-server';
import { DATA_FILE, checkFresh, inputsHash, listVariants, readMeta, variantDir } from './inputs';
import { finalStage, mapLayers } from './layers';
import { validateBuilds } from './schema';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const started = performance.now();
const clock = () => new Date().toISOString().slice(11, 19);
const secs = (s: number) => `${s.toFixed(1)} s`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

export const DEFINITIONS = {
  uncompressed:
    'Sum of the uncompressed layer tarballs of the image (OCI manifest layer sizes from `skopeo inspect --raw` of the local image), base image layers included.',
  compressed:
    'Sum of the same layers compressed with gzip, as a registry stores them (`skopeo copy --dest-compress-format gzip` to an OCI layout; containers/image default gzip level).',
};

async function main(): Promise<number> {
  const ids = listVariants(root);
  let args;
  try {
    args = parseMeasureArgs(process.argv.slice(2), ids);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`measure: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const todo = args.only ?? ids;
  const measuredAt = new Date().toISOString();
  const cacheDir = resolve(process.env.SHIPSHAPE_MEASURE_CACHE || join(homedir(), '.cache', 'shipshape-measure'));
  const logDir = join(cacheDir, 'logs', measuredAt.replace(/[:.]/g, '-'));
  mkdirSync(logDir, { recursive: true });
  rmSync(join(cacheDir, 'logs', 'latest'), { force: true });
  symlinkSync(logDir, join(cacheDir, 'logs', 'latest'));
  const ociDir = join(cacheDir, 'oci');
  rmSync(ociDir, { recursive: true, force: true });
  console.log(`measure: ${todo.length} variant(s); cache ${cacheDir}; logs ${logDir}`);

  let n = 0;
  const logFile = (name: string) => join(logDir, `${String(++n).padStart(2, '0')}-${name}.log`);
  const steps = {
    async step<T>(name: string, fn: (log: string) => Promise<T>): Promise<T> {
      const log = logFile(name);
      writeFileSync(log, `# ${name}, ${new Date().toISOString()}\n`);
      console.log(`${clock()} ${name} …`);
      const t = performance.now();
      try {
        const out = await fn(log);
        console.log(`${clock()} ${name}: done in ${secs((performance.now() - t) / 1000)}`);
        return out;
      } catch (e) {
        appendFileSync(log, `\n# FAILED: ${(e as Error).message}\n`);
        (e as Error & { log?: string }).log = log;
        throw e;
      }
    },
  };

  // The builder: a Docker engine when one answers, else buildah.
  let builder: Builder;
  let index: IndexServer | undefined;
  let bases: BuildBase[];
  let volumes: string[] = [];
  try {
    if (await DockerBuildx.available()) {
      const docker = await DockerBuildx.detect();
      builder = docker;
      console.log(`measure: builder docker ${docker.info.version} (real python images from Docker Hub)`);
      bases = await steps.step('pull-bases', async (log) => {
        const out: BuildBase[] = [];
        for (const ref of ['python:3.11-slim', 'python:3.11']) {
          const digest = await docker.pull(ref, log);
          const m = await measureImage(docker, ref, ociDir, ref.replace(/[^\w.-]/g, '_'), log);
          out.push({ ref, imageId: m.imageId, provenance: `${digest}, pulled ${measuredAt.slice(0, 10)}`, uncompressedBytes: sum(m.uncompressed), compressedBytes: sum(m.compressed), layerCount: m.uncompressed.length });
        }
        return out;
      });
    } else {
      if (process.getuid?.() !== 0) throw new Error('buildah builds here need root (--isolation chroot); run as root, or on a machine with a Docker engine');
      const b = await Buildah.detect(cacheDir);
      builder = b;
      console.log(`measure: builder buildah ${b.info.version}, ${b.driver} storage, chroot isolation, skopeo ${b.info.skopeoVersion}`);
      if (b.driver === 'vfs') console.log('measure: overlay does not work here, using vfs (slower, and it needs about 25 GB of disk)');
      const s = await standIns(root, cacheDir, b, ociDir, steps, async (wheelDir) => {
        index = await startIndex(wheelDir);
        const conf = join(cacheDir, 'pip.conf');
        writeFileSync(conf, pipConf(index));
        console.log(`measure: package index ${index.url} (${index.projects.size} projects)`);
        return conf;
      });
      bases = s.bases.map(({ image: _image, ...base }) => base);
      volumes = [`${s.pipConf}:/etc/pip.conf:ro`];
    }
  } catch (e) {
    const log = (e as Error & { log?: string }).log;
    console.error(`measure: the base images could not be prepared: ${(e as Error).message}${log ? `\n  log: ${log}` : ''}`);
    console.error(`measure: ${DATA_FILE} is unchanged`);
    await index?.close();
    return 1;
  }

  const recipe = readRecipe(root);
  const measured = new Map<string, BuildVariant>();
  const failed: Array<{ id: string; log: string; message: string }> = [];
  for (const id of todo) {
    const log = logFile(`variant-${id}`);
    writeFileSync(log, `# ${id}, ${new Date().toISOString()}\n`);
    const t = performance.now();
    console.log(`${clock()} ${id} …`);
    try {
      const v = await measureVariant(id, builder, bases, volumes, recipe, cacheDir, ociDir, log);
      measured.set(id, v);
      const tm = v.timings;
      console.log(
        `${clock()} ${id}: ${mb(v.uncompressedBytes)} / ${mb(v.compressedBytes)} gzip, ${v.layerCount} layers; ` +
          `cold ${secs(tm.coldSeconds)}, warm ${secs(tm.warmSeconds)}, source change ${secs(tm.sourceChangeSeconds)}, ` +
          `requirements change ${tm.requirementsChangeSeconds === null ? 'n/a' : secs(tm.requirementsChangeSeconds)} (${secs((performance.now() - t) / 1000)})`,
      );
    } catch (e) {
      const message = (e as Error).message;
      appendFileSync(log, `\n# FAILED: ${message}\n`);
      failed.push({ id, log, message });
      const lines = message.split('\n');
      const tail = lines.slice(1).filter((l) => l.trim()).slice(-3).map((l) => `    ${l.trim()}`);
      console.error([`${clock()} FAILED ${id}: ${lines[0]!.slice(0, 160)}`, ...tail, `  log: ${log}`].join('\n'));
    }
  }
  await index?.close();

  const dataPath = join(root, DATA_FILE);
  const previous = readPrevious(dataPath);
  const merged = mergeVariants(ids, measured, previous);
  let code = failed.length ? 1 : 0;
  if (measured.size === 0) {
    console.error(`measure: nothing was measured; ${DATA_FILE} is unchanged`);
    return 1;
  }
  const data: BuildsData = {
    schemaVersion: 1,
    measuredAt,
    label: builder.standIns
      ? `Measured on locally built stand-ins of python:3.11 and python:3.11-slim (Debian bookworm), ${measuredAt.slice(0, 10)}`
      : `Measured with docker buildx on python:3.11 and python:3.11-slim from Docker Hub, ${measuredAt.slice(0, 10)}`,
    standIns: builder.standIns,
    builder: builder.info,
    bases,
    definitions: DEFINITIONS,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    variants: merged.variants,
  };
  const errors = validateBuilds(root, data);
  if (errors.length) {
    const rejected = join(logDir, 'builds.rejected.json');
    writeFileSync(rejected, `${JSON.stringify(data, null, 2)}\n`);
    console.error(`measure: the new data does not match the schema; ${DATA_FILE} is unchanged (rejected data: ${rejected}):\n  ${errors.join('\n  ')}`);
    return 1;
  }
  writeJsonAtomic(dataPath, data);
  console.log(`measure: wrote ${DATA_FILE} (${measured.size} measured${merged.kept.length ? `, previous numbers kept for ${merged.kept.join(', ')}` : ''})`);
  if (merged.kept.length && previous && JSON.stringify(previous.bases.map((b) => b.imageId)) !== JSON.stringify(bases.map((b) => b.imageId))) {
    console.log(`measure: note: the base images changed since ${merged.kept.join(', ')} were measured; run without --only to measure everything on the same bases`);
  }
  for (const f of failed) console.error(`measure: FAILED ${f.id} (previous numbers ${merged.variants.some((v) => v.id === f.id) ? 'kept' : 'absent'}); log: ${f.log}`);
  const fresh = checkFresh(root);
  if (!fresh.ok && !failed.length) {
    console.error(`measure: still stale: ${fresh.stale.join(', ')}`);
    code = 1;
  }
  try {
    await steps.step('cleanup', (log) => builder.isolate(log, bases.map((b) => b.imageId)));
  } catch (e) {
    console.error(`measure: cleanup failed (harmless): ${(e as Error).message.split('\n')[0]}`);
  }
  rmSync(ociDir, { recursive: true, force: true });
  console.log(`measure: total ${secs((performance.now() - started) / 1000)} (recorded totalSeconds ${data.totalSeconds})`);
  return code;
}

async function measureVariant(
  id: string,
  builder: Builder,
  bases: BuildBase[],
  volumes: string[],
  recipe: ReturnType<typeof readRecipe>,
  cacheDir: string,
  ociDir: string,
  log: string,
): Promise<BuildVariant> {
  const meta = readMeta(root, id);
  const hash = inputsHash(root, id);
  const ctx = join(cacheDir, 'work', id);
  rmSync(ctx, { recursive: true, force: true });
  cpSync(variantDir(root, id), ctx, { recursive: true });
  const dockerfilePath = join(ctx, 'Dockerfile');
  const dockerfile = readFileSync(dockerfilePath, 'utf8');
  const tag = `localhost/shipshape-builds:${id}`;
  const build = (noCache: boolean) => builder.build({ context: ctx, dockerfile: dockerfilePath, tag, noCache, volumes, log, timeoutSeconds: 1200 });
  const phase = (name: string) => appendFileSync(log, `\n########## ${name}\n`);

  phase('cold build (--no-cache, cache mounts emptied)');
  await builder.isolate(log, bases.map((b) => b.imageId));
  await builder.clearCacheMounts(log);
  const coldSeconds = await build(true);
  phase('sizes');
  const m = await measureImage(builder, tag, ociDir, id, log);
  const baseRef = finalStage(dockerfile).baseRef;
  const base = bases.find((b) => b.ref === baseRef);
  if (!base) throw new Error(`FROM ${baseRef}: not one of the measured base images (${bases.map((b) => b.ref).join(', ')})`);
  const layers = mapLayers({ dockerfile, history: m.history, uncompressed: m.uncompressed, compressed: m.compressed, baseLayerCount: base.layerCount });
  phase('warm rebuild (nothing changed)');
  const warmSeconds = await build(false);
  phase(`rebuild after a source-only change (${recipe.sourceChange.file})`);
  appendFileSync(join(ctx, recipe.sourceChange.file), recipe.sourceChange.append);
  const sourceChangeSeconds = await build(false);
  let requirementsChangeSeconds: number | null = null;
  const req = join(ctx, recipe.requirementsChange.file);
  if (existsSync(req)) {
    phase(`rebuild after a requirements change (${recipe.requirementsChange.file})`);
    appendFileSync(req, recipe.requirementsChange.append);
    requirementsChangeSeconds = await build(false);
  }
  rmSync(ctx, { recursive: true, force: true });
  if (inputsHash(root, id) !== hash) throw new Error(`content/builds/${id}/ changed during the measurement; measure again`);
  const round = (s: number) => Math.round(s * 100) / 100;
  return {
    id,
    title: meta.title,
    description: meta.description,
    guides: meta.guides,
    rules: meta.rules,
    inputsHash: hash,
    imageId: m.imageId,
    layerCount: layers.length,
    uncompressedBytes: sum(m.uncompressed),
    compressedBytes: sum(m.compressed),
    layers,
    timings: { coldSeconds: round(coldSeconds), warmSeconds: round(warmSeconds), sourceChangeSeconds: round(sourceChangeSeconds), requirementsChangeSeconds: requirementsChangeSeconds === null ? null : round(requirementsChangeSeconds) },
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`measure: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  },
);
