/**
 * The measured example images (issue #7): types for src/data/builds.json, which `npm run measure`
 * writes, a loader, and small helpers for the charts, the guides and the rule pages.
 *
 * The data file may be absent (nothing measured yet on this checkout). The loader then returns
 * null and every consumer shows a "not measured yet" note instead of numbers: no figure on the
 * site is ever typed by hand or invented.
 *
 * Units: MB = 10^6 bytes and kB = 10^3 bytes (decimal, as registries and `docker images` report).
 * "Uncompressed" = the sum of the OCI layer tar sizes; "compressed" = the sum of the gzip layer
 * blobs, as a registry stores them (the data's `definitions` say so in words).
 *
 * Site and playground code only: the rule engine (src/engine, src/rules) never imports this.
 */

export const VARIANT_IDS = [
  'full-single-stage',
  'slim-single-stage',
  'multistage-site-packages',
  'multistage-cache-mounts',
  'multistage-venv',
  'wheels-copied',
  'wheels-bind-mount',
  'apt-recommends-kept',
  'apt-minimal',
  'pip-cache-kept',
  'pip-no-cache-dir',
  'pip-cache-mount',
] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

export interface BuildLayer {
  /** The Dockerfile instruction that made the layer, or "base image: python:3.11-slim" for inherited ones. */
  instruction: string;
  /** 1-based Dockerfile line of that instruction; null for base layers. */
  line: number | null;
  /** True for layers inherited from the FROM image. */
  base: boolean;
  uncompressedBytes: number;
  compressedBytes: number;
}

export interface BuildTimings {
  /** --no-cache, cache mounts emptied. */
  coldSeconds: number;
  /** Rebuild, nothing changed. */
  warmSeconds: number;
  /** Rebuild after editing only the app source. */
  sourceChangeSeconds: number;
  /** Rebuild after adding one pinned requirement; null when it does not apply. */
  requirementsChangeSeconds: number | null;
}

export interface BuildVariant {
  id: string;
  title: string;
  description: string;
  guides: string[];
  rules: string[];
  inputsHash: string;
  imageId: string;
  layerCount: number;
  uncompressedBytes: number;
  compressedBytes: number;
  layers: BuildLayer[];
  timings: BuildTimings;
}

export interface BuildBase {
  ref: string;
  imageId: string;
  provenance: string;
  uncompressedBytes: number;
  compressedBytes: number;
  layerCount: number;
}

export interface BuildsData {
  schemaVersion: 1;
  /** ISO 8601 timestamp of the measurement run. */
  measuredAt: string;
  /** "Measured on locally built stand-ins of python:3.11 and python:3.11-slim (Debian bookworm), <date>". */
  label: string;
  /** True when the bases were built locally (no registry). */
  standIns: boolean;
  builder: { name: 'buildah' | 'docker'; version: string; storageDriver?: string; isolation?: string; skopeoVersion?: string };
  bases: BuildBase[];
  definitions: { uncompressed: string; compressed: string };
  /** Wall time of the whole `npm run measure`. */
  totalSeconds: number;
  variants: BuildVariant[];
}

export type SizeMeasure = 'uncompressed' | 'compressed';
export type TimingKey = keyof BuildTimings;

/** Where readers learn how the numbers were made. */
export const METHOD_URL = '/builds/';
/** The command that refreshes the data. */
export const MEASURE_COMMAND = 'npm run measure';

/** A light shape check: a file of another schema version must not be charted as if it were this one. */
export function checkBuilds(value: unknown, where = 'src/data/builds.json'): BuildsData {
  const v = value as Partial<BuildsData> | null;
  if (!v || typeof v !== 'object') throw new Error(`${where}: not a JSON object`);
  if (v.schemaVersion !== 1) throw new Error(`${where}: schemaVersion ${String(v.schemaVersion)} is not 1; update src/data/builds.ts or re-run \`${MEASURE_COMMAND}\``);
  if (!Array.isArray(v.variants) || !Array.isArray(v.bases) || typeof v.label !== 'string' || !v.builder) {
    throw new Error(`${where}: missing variants, bases, label or builder; re-run \`${MEASURE_COMMAND}\``);
  }
  return v as BuildsData;
}

// import.meta.glob, not a plain import: a checkout without measurements still builds, and then
// shows "not measured yet" instead of failing.
const found = import.meta.glob<unknown>('./builds.json', { eager: true, import: 'default' });
// Tests only: SHIPSHAPE_BUILDS_DATA=fixture builds the site from the synthetic fixture (its label
// says so on every chart), to check the charts before real measurements exist. Never set it for a
// published build.
const fixture = import.meta.glob<unknown>('../../tests/fixtures/builds.sample.json', { import: 'default' });
const useFixture = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.SHIPSHAPE_BUILDS_DATA === 'fixture';
const raw = useFixture ? await fixture['../../tests/fixtures/builds.sample.json']!() : found['./builds.json'];

/** The measured data, or null when src/data/builds.json does not exist. */
export const builds: BuildsData | null = raw === undefined ? null : checkBuilds(raw);

const requireData = (data: BuildsData | null): BuildsData => {
  if (!data) throw new Error(`src/data/builds.json is absent: run \`${MEASURE_COMMAND}\``);
  return data;
};

/** The variant with this id, or undefined (also when nothing is measured). */
export function findVariant(id: string, data: BuildsData | null = builds): BuildVariant | undefined {
  return data?.variants.find((v) => v.id === id);
}

/** The variant with this id; throws when it was not measured, so a typo in a guide fails the build. */
export function variant(id: string, data: BuildsData | null = builds): BuildVariant {
  const found = findVariant(id, requireData(data));
  if (!found) throw new Error(`src/data/builds.json has no variant "${id}" (measured: ${requireData(data).variants.map((v) => v.id).join(', ')})`);
  return found;
}

/** Several variants in the order given (each must exist). */
export function variants(ids: readonly string[], data: BuildsData | null = builds): BuildVariant[] {
  return ids.map((id) => variant(id, data));
}

export const bytesOf = (v: { uncompressedBytes: number; compressedBytes: number }, measure: SizeMeasure): number =>
  measure === 'compressed' ? v.compressedBytes : v.uncompressedBytes;

export interface SizeDelta {
  a: BuildVariant;
  b: BuildVariant;
  /** a minus b: positive when a is larger. */
  uncompressedBytes: number;
  compressedBytes: number;
  /** a / b, uncompressed and compressed. */
  uncompressedRatio: number;
  compressedRatio: number;
}

/** How much larger variant a is than variant b. */
export function sizeDelta(aId: string, bId: string, data: BuildsData | null = builds): SizeDelta {
  const a = variant(aId, data);
  const b = variant(bId, data);
  return {
    a,
    b,
    uncompressedBytes: a.uncompressedBytes - b.uncompressedBytes,
    compressedBytes: a.compressedBytes - b.compressedBytes,
    uncompressedRatio: a.uncompressedBytes / b.uncompressedBytes,
    compressedRatio: a.compressedBytes / b.compressedBytes,
  };
}

/** Bytes of the layers inherited from the base image, and of the variant's own layers. */
export function baseAndOwn(v: BuildVariant, measure: SizeMeasure): { base: number; own: number } {
  let base = 0;
  let own = 0;
  for (const l of v.layers) {
    if (l.base) base += bytesOf(l, measure);
    else own += bytesOf(l, measure);
  }
  return { base, own };
}

const decimal = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 123456789 → "123.5 MB" (MB = 10^6 bytes, one decimal). */
export function formatMB(bytes: number, digits = 1): string {
  return `${decimal(bytes / 1e6, digits)} MB`;
}

/** Like formatMB, but small sizes in kB (10^3 bytes) or bytes, for single layers. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs >= 100_000) return formatMB(bytes);
  if (abs >= 1_000) return `${decimal(bytes / 1e3, 1)} kB`;
  return `${bytes} B`;
}

/** A size difference in words: "12.3 MB more", "0.4 MB less", "no difference". */
export function formatDelta(bytes: number): string {
  if (Math.abs(bytes) < 50_000) return 'no measurable difference';
  return `${formatMB(Math.abs(bytes))} ${bytes > 0 ? 'more' : 'less'}`;
}

/** A size comparison in words, to be followed by the other thing: "12.3 MB larger than", "0.4 MB smaller than", "about the same size as". */
export function formatLarger(bytes: number): string {
  if (Math.abs(bytes) < 50_000) return 'about the same size as';
  return `${formatMB(Math.abs(bytes))} ${bytes > 0 ? 'larger' : 'smaller'} than`;
}

/** 12.345 → "12.3 s"; under 10 s keeps one decimal, above 100 s none. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 100) return `${decimal(seconds, 0)} s`;
  return `${decimal(seconds, 1)} s`;
}

/** 1.234 → "1.2×". */
export function formatRatio(ratio: number): string {
  return `${decimal(ratio, 1)}×`;
}

/** The day of the run, "2026-11-23". */
export function measuredDate(data: BuildsData): string {
  return data.measuredAt.slice(0, 10);
}

/** "buildah 1.28.2 (overlay, chroot isolation)". */
export function builderText(data: BuildsData): string {
  const b = data.builder;
  const extra = [b.storageDriver && `${b.storageDriver} storage`, b.isolation && `${b.isolation} isolation`].filter(Boolean);
  return `${b.name} ${b.version}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** The data label made to continue a sentence ("Measured on …" → "measured on …"). */
export function labelInSentence(data: BuildsData): string {
  return data.label.replace(/^Measured\b/, 'measured');
}
