import type { ImageRef } from '../image';

/**
 * The `ENV` names that a few Docker Official Images set, read from their Dockerfiles
 * (github.com/docker-library, checked 2026-11-23). BuildKit also adds `PATH` to every Linux image
 * that lacks it. Names dropped from newer tags are kept: knowing too many only makes rules quieter.
 *
 * - debian, ubuntu, alpine, busybox: no ENV besides PATH (their Dockerfiles add a root filesystem
 *   and a CMD).
 * - buildpack-deps (every variant: curl, scm, full; Debian and Ubuntu): no ENV, only RUN apt-get on
 *   top of debian or ubuntu.
 * - python (Debian and Alpine variants): PATH, LANG, GPG_KEY, PYTHON_VERSION, PYTHON_SHA256; older
 *   tags also PYTHON_PIP_VERSION, PYTHON_SETUPTOOLS_VERSION, PYTHON_GET_PIP_URL, PYTHON_GET_PIP_SHA256.
 */
const OFFICIAL_ENV: Readonly<Record<string, readonly string[]>> = {
  debian: [],
  ubuntu: [],
  alpine: [],
  busybox: [],
  'buildpack-deps': [],
  python: ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
};

/**
 * The environment variable names a base image defines, or null when they cannot be known here
 * (any image but `scratch` and the few official images listed above, or a reference with a variable).
 */
export function knownBaseEnv(image: ImageRef | null): readonly string[] | null {
  if (!image || image.hasVariable) return null;
  if (image.isScratch) return [];
  const hub = image.registry === null || image.registry === 'docker.io' || image.registry === 'index.docker.io';
  if (!hub || (image.path !== image.name && image.path !== `library/${image.name}`)) return null;
  if (image.python?.variant === 'windows') return null;
  return OFFICIAL_ENV[image.name] ?? null;
}
