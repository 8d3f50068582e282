import { describe, expect, it } from 'vitest';
import { compareRelease, defaultPythonDebian, parseImageRef, pythonVersionOf, type ImageRef } from '~/engine/image';

const NOW = new Date('2026-11-23T00:00:00Z');
const ref = (raw: string, now = NOW): ImageRef => {
  const r = parseImageRef(raw, now);
  if (!r) throw new Error(`no ref for ${raw}`);
  return r;
};
const parts = (r: ImageRef) => ({ registry: r.registry, path: r.path, name: r.name, tag: r.tag, digest: r.digest });
const py = (raw: string) => {
  const p = ref(raw).python;
  return p && [p.version, p.major, p.minor, p.minorVersion, p.variant];
};
const distro = (raw: string, now = NOW) => {
  const d = ref(raw, now).distro;
  return d && [d.distro, d.codename, d.explicit];
};

describe('parseImageRef: splitting the reference', () => {
  it.each([
    ['python:3.12', { registry: null, path: 'python', name: 'python', tag: '3.12', digest: null }],
    ['python:3.12.4-slim-bookworm', { registry: null, path: 'python', name: 'python', tag: '3.12.4-slim-bookworm', digest: null }],
    ['docker.io/library/python:3.12', { registry: 'docker.io', path: 'library/python', name: 'python', tag: '3.12', digest: null }],
    ['registry.example/python:3.12-slim', { registry: 'registry.example', path: 'python', name: 'python', tag: '3.12-slim', digest: null }],
    ['registry.example:5000/team/python:3.11-alpine3.20', { registry: 'registry.example:5000', path: 'team/python', name: 'python', tag: '3.11-alpine3.20', digest: null }],
    ['localhost:5000/python:3.12', { registry: 'localhost:5000', path: 'python', name: 'python', tag: '3.12', digest: null }],
    ['localhost/app', { registry: 'localhost', path: 'app', name: 'app', tag: null, digest: null }],
    ['myorg/python:3.12', { registry: null, path: 'myorg/python', name: 'python', tag: '3.12', digest: null }],
    [`python@sha256:${'a'.repeat(64)}`, { registry: null, path: 'python', name: 'python', tag: null, digest: `sha256:${'a'.repeat(64)}` }],
    ['python:3.12-slim@sha256:abc', { registry: null, path: 'python', name: 'python', tag: '3.12-slim', digest: 'sha256:abc' }],
    ['python', { registry: null, path: 'python', name: 'python', tag: null, digest: null }],
    ['ghcr.io/astral-sh/uv:0.5', { registry: 'ghcr.io', path: 'astral-sh/uv', name: 'uv', tag: '0.5', digest: null }],
  ])('%s', (raw, expected) => {
    expect(parts(ref(raw))).toEqual(expected);
  });
  it('returns null for an empty reference and trims spaces', () => {
    expect(parseImageRef('', NOW)).toBeNull();
    expect(parseImageRef('   ', NOW)).toBeNull();
    expect(ref('  python:3.12 ').raw).toBe('python:3.12');
  });
  it('flags scratch and unexpanded variables', () => {
    expect(ref('scratch').isScratch).toBe(true);
    expect(ref('myorg/scratch').isScratch).toBe(false);
    expect(ref('python:${PY}-slim').hasVariable).toBe(true);
    expect(ref('python:3.12').hasVariable).toBe(false);
  });
});

describe('parseImageRef: Python tags', () => {
  it.each([
    ['python:3.12', ['3.12', 3, 12, '3.12', 'full']],
    ['python:3.12.4-slim-bookworm', ['3.12.4', 3, 12, '3.12', 'slim']],
    ['docker.io/library/python:3.12', ['3.12', 3, 12, '3.12', 'full']],
    ['registry.example/python:3.12-slim', ['3.12', 3, 12, '3.12', 'slim']],
    ['registry.example:5000/team/python:3.11-alpine3.20', ['3.11', 3, 11, '3.11', 'alpine']],
    [`python@sha256:${'a'.repeat(64)}`, [null, null, null, null, 'full']],
    ['python:3', ['3', 3, null, null, 'full']],
    ['python', [null, null, null, null, 'full']],
    ['python:latest', [null, null, null, null, 'full']],
    ['python:slim', [null, null, null, null, 'slim']],
    ['python:alpine', [null, null, null, null, 'alpine']],
    ['pypy:3.10', ['3.10', 3, 10, '3.10', 'full']],
    ['pypy:3.10-slim', ['3.10', 3, 10, '3.10', 'slim']],
    ['python:3.13-rc', ['3.13', 3, 13, '3.13', 'full']],
    ['python:3.14.0rc2-slim', ['3.14.0rc2', 3, 14, '3.14', 'slim']],
    ['python:3.12-windowsservercore-ltsc2022', ['3.12', 3, 12, '3.12', 'windows']],
    ['python:${PY}-slim', [null, null, null, null, 'slim']],
  ])('%s', (raw, expected) => {
    expect(py(raw)).toEqual(expected);
  });
  it('has no Python tag for other images', () => {
    expect(ref('ubuntu:22.04').python).toBeNull();
    expect(ref('debian:bookworm-slim').python).toBeNull();
    expect(ref('ghcr.io/astral-sh/uv:python3.12-bookworm').python).toBeNull();
  });
});

describe('parseImageRef: distribution', () => {
  it.each([
    ['ubuntu:22.04', ['ubuntu', 'jammy', true]],
    ['ubuntu:noble', ['ubuntu', 'noble', true]],
    ['ubuntu', ['ubuntu', 'resolute', false]],
    ['ubuntu:latest', ['ubuntu', 'resolute', false]],
    ['ubuntu:devel', ['ubuntu', null, false]],
    ['debian:bookworm-slim', ['debian', 'bookworm', true]],
    ['debian:12', ['debian', 'bookworm', true]],
    ['debian:12.5-slim', ['debian', 'bookworm', true]],
    ['debian', ['debian', 'trixie', false]],
    ['debian:stable-slim', ['debian', 'trixie', false]],
    ['debian:testing', ['debian', null, false]],
    ['python:3.12.4-slim-bookworm', ['debian', 'bookworm', true]],
    ['python:3.10-bullseye', ['debian', 'bullseye', true]],
    ['python:3.12-slim-trixie', ['debian', 'trixie', true]],
    ['registry.example:5000/team/python:3.11-alpine3.20', ['alpine', '3.20', true]],
    ['python:3.12-alpine', ['alpine', null, false]],
    ['alpine:3.20', ['alpine', '3.20', true]],
    ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', ['ubuntu', 'jammy', true]],
    ['ghcr.io/astral-sh/uv:python3.12-bookworm-slim', ['debian', 'bookworm', true]],
    ['scratch', null],
    ['node:22', null],
    ['python:3.12-windowsservercore-ltsc2022', null],
    ['python:${PY}-slim', null],
    // Named python, built on Amazon Linux.
    ['public.ecr.aws/lambda/python:3.12', null],
    ['amazon/aws-lambda-python:3.9', null],
  ])('%s', (raw, expected) => {
    expect(distro(raw)).toEqual(expected);
  });
  it('gives the release record for known codenames', () => {
    expect(ref('debian:bookworm').distro?.release?.version).toBe('12');
    expect(ref('ubuntu:24.04').distro?.release?.codename).toBe('noble');
  });
  it('resolves a codename-less python tag to the Debian of the day', () => {
    expect(distro('python:3.12', new Date('2025-08-13T12:00:00Z'))).toEqual(['debian', 'bookworm', false]);
    expect(distro('python:3.12', new Date('2025-08-15T12:00:00Z'))).toEqual(['debian', 'trixie', false]);
    // No longer rebuilt after its end of life: the release of that day.
    expect(distro('python:3.8-slim', NOW)).toEqual(['debian', 'bookworm', false]);
    expect(distro('python:3.9', NOW)).toEqual(['debian', 'trixie', false]);
    expect(distro('debian:stable', new Date('2025-01-01T00:00:00Z'))).toEqual(['debian', 'bookworm', false]);
    expect(distro('python:3.12-slim', new Date('2023-01-01T00:00:00Z'))).toEqual(['debian', 'bullseye', false]);
    expect(distro('python:3', NOW)).toEqual(['debian', 'trixie', false]);
    expect(distro('python', NOW)).toEqual(['debian', 'trixie', false]);
    expect(distro('python:slim', NOW)).toEqual(['debian', 'trixie', false]);
    expect(distro('pypy:3.10', NOW)).toEqual(['debian', 'trixie', false]);
    expect(distro('python:3.13-rc', NOW)).toEqual(['debian', 'trixie', false]);
  });
  it('defaultPythonDebian and compareRelease', () => {
    expect(defaultPythonDebian(new Date('2025-08-13T00:00:00Z'))).toBe('bookworm');
    expect(defaultPythonDebian(new Date('2025-08-15T00:00:00Z'))).toBe('trixie');
    expect(defaultPythonDebian(new Date('2010-01-01T00:00:00Z'))).toBe('buster');
    expect(compareRelease('bookworm', 'trixie')).toBeLessThan(0);
    expect(compareRelease('trixie', 'bullseye')).toBeGreaterThan(0);
    expect(compareRelease('bookworm', 'bookworm')).toBe(0);
    expect(compareRelease('nope', 'trixie')).toBe(0);
  });
});

describe('pythonVersionOf', () => {
  it.each([
    ['python:3.12-slim', { minor: '3.12', tagOffset: 0, length: 4 }],
    ['python:2', { minor: '2.7', tagOffset: 0, length: 1 }],
    ['python:3-slim', null],
    ['ghcr.io/astral-sh/uv:python3.9-bookworm-slim', { minor: '3.9', tagOffset: 6, length: 3 }],
    ['ghcr.io/astral-sh/uv:0.5-python3.12-alpine', { minor: '3.12', tagOffset: 10, length: 4 }],
    ['nikolaik/python-nodejs:python3.11-nodejs20', { minor: '3.11', tagOffset: 6, length: 4 }],
    ['gcr.io/distroless/python3-debian12:nonroot', { minor: '3.11', tagOffset: null, length: 0 }],
    ['gcr.io/distroless/python3-debian11', { minor: '3.9', tagOffset: null, length: 0 }],
    ['ghcr.io/astral-sh/uv:0.5', null],
    ['node:22', null],
  ])('%s', (raw, expected) => {
    expect(pythonVersionOf(ref(raw))).toEqual(expected);
  });
});
