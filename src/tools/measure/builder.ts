/**
 * The image builders `npm run measure` drives: buildah (this project's machines: root, no daemon,
 * no registry) or docker buildx (a machine with a Docker engine, e.g. a GitHub runner), and the
 * size measurements, which use skopeo for both.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run, succeeds } from './exec';
import type { HistoryEntry } from './layers';

export interface BuildOptions {
  context: string;
  dockerfile: string;
  /** Image name to tag the result with (omitted with `output`). */
  tag?: string;
  /** Ignore cached layers (the cold build). */
  noCache?: boolean;
  log: string;
  buildArgs?: Record<string, string>;
  /** host:container[:options] bind mounts for every RUN step (buildah only). */
  volumes?: string[];
  /** --output (buildah only), e.g. type=local,dest=DIR. */
  output?: string;
  timeoutSeconds?: number;
}

/** An image's layers as stored (uncompressed tars) and as a registry stores them (gzip). */
export interface ImageMeasure {
  /** The config digest, "sha256:…" (the image ID). */
  imageId: string;
  uncompressed: number[];
  compressed: number[];
  history: HistoryEntry[];
}

export interface BuilderInfo {
  name: 'buildah' | 'docker';
  version: string;
  storageDriver?: string;
  isolation?: string;
  skopeoVersion?: string;
}

export interface Builder {
  info: BuilderInfo;
  /** Base images are built locally (no registry). */
  standIns: boolean;
  /** Runs one build; resolves to its wall time in seconds. */
  build(options: BuildOptions): Promise<number>;
  /** Empties the contents of RUN --mount=type=cache mounts (for a cold build). */
  clearCacheMounts(log: string): Promise<void>;
  /** The skopeo reference of a local image. */
  ref(image: string): string;
  exists(image: string): Promise<boolean>;
  /**
   * Before a variant's cold build and at the end of a run: removes every image but the base images
   * (image IDs in `keep`), so the variant's rebuilds find only its own layers in the cache, as on a
   * machine that builds this one project, and no layer of an earlier run.
   */
  isolate(log: string, keep: readonly string[]): Promise<void>;
}

const skopeoVersion = async () => (await run('skopeo', ['--version'], { capture: true })).stdout.trim().replace(/^skopeo version\s*/, '');

/** buildah with --isolation chroot, its storage and cache-mount contents under the cache dir. */
export class Buildah implements Builder {
  readonly standIns = true;
  readonly globals: string[];
  readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly info: BuilderInfo,
    readonly driver: string,
    readonly root: string,
    readonly runroot: string,
    /** TMPDIR for buildah: buildah 1.28 keeps RUN --mount=type=cache contents in $TMPDIR/buildah-cache. */
    readonly tmpdir: string,
  ) {
    this.globals = ['--storage-driver', driver, '--root', root, '--runroot', runroot];
    this.env = { ...process.env, TMPDIR: tmpdir, BUILDAH_LAYERS: 'true' };
  }

  /** Picks overlay when it works here (mounting a container succeeds), else vfs. */
  static async detect(cacheDir: string): Promise<Buildah> {
    const tmpdir = join(cacheDir, 'tmp');
    mkdirSync(tmpdir, { recursive: true });
    const version = (JSON.parse((await run('buildah', ['version', '--json'], { capture: true })).stdout) as { version: string }).version;
    const info: Omit<BuilderInfo, 'storageDriver'> = { name: 'buildah', version, isolation: 'chroot', skopeoVersion: await skopeoVersion() };
    for (const driver of ['overlay', 'vfs']) {
      const root = join(cacheDir, `storage-${driver}`);
      const runroot = join(cacheDir, `runroot-${driver}`);
      const b = new Buildah({ ...info, storageDriver: driver }, driver, root, runroot, tmpdir);
      try {
        const c = (await run('buildah', [...b.globals, 'from', 'scratch'], { capture: true, env: b.env, timeoutSeconds: 60 })).stdout.trim();
        try {
          await run('buildah', [...b.globals, 'mount', c], { capture: true, env: b.env, timeoutSeconds: 60 });
          await run('buildah', [...b.globals, 'umount', c], { capture: true, env: b.env, timeoutSeconds: 60 });
        } finally {
          await succeeds('buildah', [...b.globals, 'rm', c]);
        }
        return b;
      } catch {
        // try the next driver
      }
    }
    throw new Error('buildah cannot use the overlay or the vfs storage driver here (is this root?)');
  }

  build(o: BuildOptions): Promise<number> {
    const args = [...this.globals, 'build', '--isolation', 'chroot', '--layers', '--force-rm', '--pull=never'];
    if (o.noCache) args.push('--no-cache');
    for (const v of o.volumes ?? []) args.push('-v', v);
    for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
    if (o.output) args.push('--output', o.output);
    if (o.tag) args.push('-t', o.tag);
    args.push('-f', o.dockerfile, o.context);
    return run('buildah', args, { log: o.log, env: this.env, timeoutSeconds: o.timeoutSeconds ?? 1800 }).then((r) => r.seconds);
  }

  async clearCacheMounts(log: string): Promise<void> {
    const dir = join(this.tmpdir, 'buildah-cache');
    appendFileSync(log, `\n# emptying the cache mounts: rm -rf ${dir}\n`);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }

  ref(image: string): string {
    return `containers-storage:[${this.driver}@${this.root}+${this.runroot}]${image}`;
  }

  exists(image: string): Promise<boolean> {
    return succeeds('buildah', [...this.globals, 'inspect', '--type', 'image', image]);
  }

  /** buildah itself, with the store's options. */
  exec(args: readonly string[], log: string, capture = false) {
    return run('buildah', [...this.globals, ...args], { log, env: this.env, capture, timeoutSeconds: 600 });
  }

  /**
   * buildah (1.28) looks a step up in its cache by parent image and instruction, and takes the first
   * match: after another variant's --no-cache build made an identical `FROM python:3.11-slim` + `ENV`
   * prefix, it picked that variant's ENV image and then missed every later step of this one (a
   * "warm" rebuild of 19 s instead of 1 s); and layers left by an earlier run made a "requirements
   * change" a cache hit. `rmi --prune` is not enough: intermediate images with children are not
   * dangling. So every image but the bases goes (their layers stay while the bases use them).
   */
  async isolate(log: string, keep: readonly string[]): Promise<void> {
    await this.exec(['rm', '--all'], log);
    const images = JSON.parse((await this.exec(['images', '--all', '--no-trunc', '--json'], log, true)).stdout || '[]') as Array<{ id: string }> | null;
    const kept = new Set(keep.map((id) => id.replace(/^sha256:/, '')));
    const drop = (images ?? []).map((i) => i.id.replace(/^sha256:/, '')).filter((id) => !kept.has(id));
    appendFileSync(log, `# removing ${drop.length} image(s), keeping the ${kept.size} base image(s)\n`);
    if (drop.length) await this.exec(['rmi', '--force', ...drop], log);
  }
}

/**
 * docker buildx against a running Docker engine, with the real python images from Docker Hub.
 * NOT TESTED: the machines this was written on have no Docker engine. Kept deliberately small;
 * sizes are read with skopeo's docker-daemon: transport, so the numbers mean the same as buildah's.
 */
export class DockerBuildx implements Builder {
  readonly standIns = false;
  constructor(readonly info: BuilderInfo) {}

  static async available(): Promise<boolean> {
    return succeeds('docker', ['info'], 20);
  }

  static async detect(): Promise<DockerBuildx> {
    const out = async (args: string[]) => (await run('docker', args, { capture: true })).stdout.trim();
    const engine = await out(['version', '--format', '{{.Server.Version}}']);
    const buildx = (await out(['buildx', 'version'])).split(/\s+/)[1] ?? 'unknown';
    const driver = await out(['info', '--format', '{{.Driver}}']);
    return new DockerBuildx({ name: 'docker', version: `${engine} (buildx ${buildx})`, storageDriver: driver, skopeoVersion: await skopeoVersion() });
  }

  build(o: BuildOptions): Promise<number> {
    const args = ['buildx', 'build', '--load', '--progress=plain'];
    if (o.noCache) args.push('--no-cache');
    for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
    if (o.tag) args.push('-t', o.tag);
    args.push('-f', o.dockerfile, o.context);
    return run('docker', args, { log: o.log, timeoutSeconds: o.timeoutSeconds ?? 1800 }).then((r) => r.seconds);
  }

  async clearCacheMounts(log: string): Promise<void> {
    await run('docker', ['buildx', 'prune', '--all', '--force', '--filter', 'type=exec.cachemount'], { log });
  }

  ref(image: string): string {
    return `docker-daemon:${image}`;
  }

  exists(image: string): Promise<boolean> {
    return succeeds('docker', ['image', 'inspect', image]);
  }

  /** BuildKit's cache is content-addressed (no first-match lookups); only dangling images go. */
  async isolate(log: string): Promise<void> {
    await run('docker', ['image', 'prune', '--force'], { log });
  }

  /** Pulls a base image; returns "<repo>@sha256:…" for its provenance. */
  async pull(image: string, log: string): Promise<string> {
    await run('docker', ['pull', image], { log, timeoutSeconds: 900 });
    return (await run('docker', ['image', 'inspect', '--format', '{{index .RepoDigests 0}}', image], { capture: true })).stdout.trim();
  }
}

/**
 * Sizes and history of a local image: the manifest's layer sizes are the uncompressed tar bytes;
 * a copy to an OCI layout with gzip gives the compressed blob sizes, as a registry stores them.
 */
export async function measureImage(builder: Builder, image: string, ociDir: string, tag: string, log: string): Promise<ImageMeasure> {
  const ref = builder.ref(image);
  const manifest = JSON.parse((await run('skopeo', ['inspect', '--raw', ref], { capture: true, log })).stdout) as {
    config: { digest: string };
    layers: Array<{ size: number }>;
  };
  const config = JSON.parse((await run('skopeo', ['inspect', '--config', '--raw', ref], { capture: true, log })).stdout) as { history?: HistoryEntry[] };
  await run('skopeo', ['copy', '-q', '--dest-compress', '--dest-compress-format', 'gzip', ref, `oci:${ociDir}:${tag}`], { log, timeoutSeconds: 900 });
  const index = JSON.parse(readFileSync(join(ociDir, 'index.json'), 'utf8')) as {
    manifests: Array<{ digest: string; annotations?: Record<string, string> }>;
  };
  const entry = index.manifests.filter((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag).at(-1);
  if (!entry) throw new Error(`${ociDir}/index.json has no manifest tagged ${tag}`);
  const gz = JSON.parse(readFileSync(join(ociDir, 'blobs', ...entry.digest.split(':')), 'utf8')) as { layers: Array<{ size: number }> };
  return {
    imageId: manifest.config.digest,
    uncompressed: manifest.layers.map((l) => l.size),
    compressed: gz.layers.map((l) => l.size),
    history: config.history ?? [],
  };
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
