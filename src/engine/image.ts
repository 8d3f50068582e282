import { DISTRO_RELEASES, PYTHON_DEFAULT_DEBIAN, type DistroRelease } from './data/distro-releases';
import { PYTHON_EOL } from './data/python-releases';

/** A base image reference, split the way a registry understands it. */
export interface ImageRef {
  /** The text as written after ARG substitution. */
  raw: string;
  /** `registry.example:5000`, or null for Docker Hub. */
  registry: string | null;
  /** The repository path without registry: `library/python`, `astral-sh/uv`, `python`. */
  path: string;
  /** The last path segment: `python`, `debian`, `uv`. */
  name: string;
  tag: string | null;
  digest: string | null;
  /** The tag still holds an unexpanded variable. */
  hasVariable: boolean;
  /** `scratch` */
  isScratch: boolean;
  python: PythonTag | null;
  /** The distribution release the tag names, or for python tags without one, the default of the day. */
  distro: DistroInfo | null;
}

export interface PythonTag {
  /** `3`, `3.12`, `3.12.4`; null for `python:slim` or `python:latest`. */
  version: string | null;
  major: number | null;
  minor: number | null;
  /** `3.12` when the tag pins a minor version. */
  minorVersion: string | null;
  variant: 'full' | 'slim' | 'alpine' | 'windows';
}

export interface DistroInfo {
  distro: 'debian' | 'ubuntu' | 'alpine';
  /** `bookworm`, `noble`, or an Alpine version like `3.20` (may be null for `alpine` without version). */
  codename: string | null;
  release: DistroRelease | null;
  /** Whether the tag names the release itself (false: the default release of the day was assumed). */
  explicit: boolean;
}

const CODENAMES = new Map(DISTRO_RELEASES.map((r) => [r.codename, r]));

/**
 * Parsed references by UTC day and text: the same few images come back lint after lint (every
 * keystroke in the playground), and what a tag means only changes with the date. Callers never
 * modify the result.
 */
const refCache = new Map<string, ImageRef | null>();

/** Splits `registry/ns/name:tag@digest`. Returns null for an empty reference. */
export function parseImageRef(raw: string, now: Date = new Date()): ImageRef | null {
  const key = `${Math.floor(now.getTime() / 86_400_000)} ${raw}`;
  const hit = refCache.get(key);
  if (hit !== undefined) return hit;
  if (refCache.size >= 512) refCache.clear();
  const ref = parse(raw, now);
  refCache.set(key, ref);
  return ref;
}

function parse(raw: string, now: Date): ImageRef | null {
  const text = raw.trim();
  if (!text) return null;
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  const path = rest;
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const hasVariable = text.includes('$');
  const ref: ImageRef = {
    raw: text, registry, path, name, tag, digest, hasVariable,
    isScratch: name === 'scratch' && registry === null && path === 'scratch',
    python: null, distro: null,
  };
  if (name === 'python' || name === 'pypy') ref.python = parsePythonTag(tag);
  ref.distro = distroOf(ref, now);
  return ref;
}

function parsePythonTag(tag: string | null): PythonTag {
  const t = (tag ?? 'latest').toLowerCase();
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(?:a|b|rc)\d*)?(?:-|$)/.exec(t);
  const major = m ? Number(m[1]) : null;
  const minor = m && m[2] !== undefined ? Number(m[2]) : null;
  const version = m ? t.slice(0, m[0].endsWith('-') ? m[0].length - 1 : m[0].length) : null;
  let variant: PythonTag['variant'] = 'full';
  if (/(^|-)slim(-|$)/.test(t)) variant = 'slim';
  else if (/(^|-)alpine/.test(t)) variant = 'alpine';
  else if (/windowsservercore|nanoserver/.test(t)) variant = 'windows';
  return {
    version, major, minor,
    minorVersion: major !== null && minor !== null ? `${major}.${minor}` : null,
    variant,
  };
}

function distroOf(ref: ImageRef, now: Date): DistroInfo | null {
  const tag = (ref.tag ?? '').toLowerCase();
  const parts = tag.split(/[-_]/);
  if (ref.name === 'alpine' || /(^|-)alpine/.test(tag)) {
    const m = /alpine(\d+\.\d+)/.exec(tag);
    const version = ref.name === 'alpine' ? (/^\d+\.\d+/.exec(tag)?.[0] ?? null) : (m?.[1] ?? null);
    return { distro: 'alpine', codename: version, release: null, explicit: version !== null };
  }
  for (const p of parts) {
    const release = CODENAMES.get(p);
    if (release) return { distro: release.distro, codename: release.codename, release, explicit: true };
  }
  // Images built on Ubuntu that name its version in the tag (`nvidia/cuda:12.4.1-runtime-ubuntu22.04`).
  const ubuntuTag = ref.name !== 'ubuntu' ? /(?:^|[-_])ubuntu(\d{2}\.\d{2})(?=$|[-_])/.exec(tag) : null;
  if (ubuntuTag) {
    const release = DISTRO_RELEASES.find((r) => r.distro === 'ubuntu' && r.version === ubuntuTag[1]);
    return release ? { distro: 'ubuntu', codename: release.codename, release, explicit: true } : { distro: 'ubuntu', codename: null, release: null, explicit: false };
  }
  const day = now.toISOString().slice(0, 10);
  if (ref.name === 'ubuntu') {
    const release = DISTRO_RELEASES.find((r) => r.distro === 'ubuntu' && tag.startsWith(r.version));
    if (release) return { distro: 'ubuntu', codename: release.codename, release, explicit: true };
    // `ubuntu`, `ubuntu:latest`: the newest LTS released by the day (`rolling`: the newest release).
    const moving = !ref.hasVariable && !ref.digest && (tag === '' || tag === 'latest' || tag === 'rolling')
      ? DISTRO_RELEASES.filter((r) => r.distro === 'ubuntu' && r.released <= day && (tag === 'rolling' || /^\d*[02468]\.04$/.test(r.version))).at(-1)
      : undefined;
    if (moving) return { distro: 'ubuntu', codename: moving.codename, release: moving, explicit: false };
    return { distro: 'ubuntu', codename: null, release: null, explicit: false };
  }
  if (ref.name === 'debian') {
    const release = DISTRO_RELEASES.find((r) => r.distro === 'debian' && (tag === r.version || tag.startsWith(`${r.version}.`) || tag.startsWith(`${r.version}-`)));
    if (release) return { distro: 'debian', codename: release.codename, release, explicit: true };
    // `debian`, `debian:latest`, `debian:stable`, `debian:stable-slim`: the newest stable release by the day.
    const moving = !ref.hasVariable && !ref.digest && /^(|latest|stable|stable-slim)$/.test(tag)
      ? DISTRO_RELEASES.filter((r) => r.distro === 'debian' && r.released <= day).at(-1)
      : undefined;
    if (moving) return { distro: 'debian', codename: moving.codename, release: moving, explicit: false };
    return { distro: 'debian', codename: null, release: null, explicit: false };
  }
  // AWS Lambda's Python images (`public.ecr.aws/lambda/python:3.12`, `amazon/aws-lambda-python`) are
  // named python but built on Amazon Linux, not Debian.
  if (/(^|\/)(lambda\/python|aws-lambda-python)$/.test(ref.path.toLowerCase())) return null;
  if (ref.python && ref.python.variant !== 'windows' && !ref.hasVariable) {
    // A Python version past its end of life is no longer rebuilt: its tags stay on the Debian
    // release that was the default then (`python:3.8` is bookworm, never trixie).
    const eol = ref.name === 'python' && ref.python.minorVersion ? PYTHON_EOL[ref.python.minorVersion] : undefined;
    const codename = defaultPythonDebian(eol && eol < day ? new Date(`${eol}T00:00:00Z`) : now);
    const release = CODENAMES.get(codename) ?? null;
    return { distro: 'debian', codename, release, explicit: false };
  }
  if (['buildpack-deps'].includes(ref.name)) return { distro: 'debian', codename: null, release: null, explicit: false };
  return null;
}

/** The Debian release a codename-less `python:*` tag resolves to on the given day. */
export function defaultPythonDebian(now: Date): string {
  const day = now.toISOString().slice(0, 10);
  let codename = PYTHON_DEFAULT_DEBIAN[0]!.codename;
  for (const entry of PYTHON_DEFAULT_DEBIAN) if (entry.since <= day) codename = entry.codename;
  return codename;
}

/** Compares Debian/Ubuntu codenames by release date: negative when `a` is older. */
export function compareRelease(a: string, b: string): number {
  const ra = CODENAMES.get(a);
  const rb = CODENAMES.get(b);
  if (!ra || !rb) return 0;
  return ra.released < rb.released ? -1 : ra.released > rb.released ? 1 : 0;
}

/** The Python of Google's distroless images, by the Debian release in their name. */
const DISTROLESS_PYTHON: Readonly<Record<string, string>> = { debian11: '3.9', debian12: '3.11', debian13: '3.13' };

/**
 * The Python minor version an image carries, where its reference says so: the tag of the official
 * image (`python:3.12-slim`, and images named python), a `python3.X` part of another image's tag
 * (`ghcr.io/astral-sh/uv:python3.12-bookworm-slim`, `nikolaik/python-nodejs:python3.11-nodejs20`),
 * or the Debian release of a distroless Python image. `tagOffset` is where the version is written in
 * the tag (null when the tag does not write it), `length` how long it is there.
 */
export function pythonVersionOf(ref: ImageRef | null): { minor: string; tagOffset: number | null; length: number } | null {
  if (!ref || ref.hasVariable) return null;
  // Images named python whose tag starts with their own version (`devcontainers/python:1-3.12-bookworm`) are read below.
  if (ref.python && (ref.python.major === null || ref.python.major === 2 || ref.python.major === 3)) {
    const minor = ref.python.minorVersion ?? (ref.python.major === 2 && ref.name === 'python' ? '2.7' : null);
    return minor ? { minor, tagOffset: 0, length: ref.python.version?.length ?? 0 } : null;
  }
  const distroless = /(^|\/)distroless\/python3-(debian\d+)$/.exec(ref.path);
  if (distroless) {
    const minor = DISTROLESS_PYTHON[distroless[2]!];
    return minor ? { minor, tagOffset: null, length: 0 } : null;
  }
  // `python3.12-bookworm`, Jupyter's `python-3.11`, and after the image's own version (`devcontainers/python:1-3.12`).
  const m = /(^|[-_])python-?(\d+\.\d+)(?=$|[-_.])/i.exec(ref.tag ?? '')
    ?? (ref.python ? /^(\d+-)()(3\.\d+)(?=$|[-_.])/.exec(ref.tag ?? '') : null);
  if (!m) return null;
  const version = m[m.length - 1]!;
  const [major, minor] = version.split('.');
  return { minor: `${Number(major)}.${Number(minor)}`, tagOffset: m.index + m[0].length - version.length, length: version.length };
}

/** Google's distroless images (`gcr.io/distroless/python3-debian12`): tagged `latest`, `nonroot`, `debug`, never a version. */
export function isDistroless(image: string): boolean {
  return /^gcr\.io\/distroless\//.test(image);
}

/** Advice to name the Debian release when a distroless image's name leaves it to `latest` (`python3`, not `python3-debian12`); else empty. */
export function distrolessDebian(image: string): string {
  const name = image.replace(/@.*$/, '').replace(/:[^/]*$/, '');
  return /-debian\d+$/.test(name) ? '' : `, and name the Debian release in the image (\`${name}-debian12\`), which the bare name leaves to the day of the build`;
}
