import { describe, expect, it } from 'vitest';
import { lintDetailed } from '~/engine/index';
import { fixtureDockerfiles } from '../support/fixtures';

// The fixture Dockerfiles under good/ follow good practice: the whole registry must stay quiet on
// them (info findings would be tolerated, warnings and errors are false positives). Those under
// bad/ must keep raising the problems they were written to show.

const NOW = new Date('2026-11-23T00:00:00Z');
const files = fixtureDockerfiles();
const good = files.filter((f) => f.name.startsWith('good/'));
const bad = files.filter((f) => f.name.startsWith('bad/'));

describe('fixture Dockerfiles', () => {
  it('has good and bad examples', () => {
    expect(good.length).toBeGreaterThanOrEqual(8);
    expect(bad.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...files.map((f) => f.text.split('\n').length))).toBeGreaterThanOrEqual(150);
  });

  it.each(good.map((f) => [f.name, f.text]))('%s raises no warning or error', (_name, text) => {
    const { findings, ruleErrors } = lintDetailed(text, { now: NOW });
    expect(ruleErrors).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual([]);
  });

  const expected: Record<string, string[]> = {
    'bad/site-packages-copy.Dockerfile': ['copy-site-packages', 'stage-python-mismatch', 'libgl1-mesa-glx-removed', 'python-unbuffered', 'root-final-user', 'json-args-recommended', 'source-stripped', 'torch-cuda-wheels'],
    'bad/alpine-pip.Dockerfile': ['alpine-python', 'apk-missing-no-cache', 'build-tools-in-final-stage', 'deps-after-source', 'pip-no-cache-dir', 'pythonpath-trailing-colon', 'exec-form-variable', 'gunicorn-worker-tmp-dir'],
    'bad/every-python-sin.Dockerfile': [
      'python-eol', 'full-python-base', 'python-unbuffered', 'root-final-user', 'tls-verification-disabled', 'pythonpath-trailing-colon',
      'deps-after-source', 'pip-no-cache-dir', 'cache-mount-wasted', 'cache-mount-relative-target', 'uv-no-cache', 'uv-sync-unlocked',
      // Not libgl1-mesa-glx-removed: python:3.8 was never rebuilt on trixie, and bookworm still has the package.
      'venv-activate-in-run', 'build-tools-in-final-stage', 'sudo-in-run', 'source-stripped', 'dev-server-in-image',
      'exec-form-variable', 'workdir-relative-path', 'maintainer-deprecated', 'add-instead-of-copy',
    ],
  };
  it.each(bad.map((f) => [f.name, f.text]))('%s raises what it shows', (name, text) => {
    const { findings, ruleErrors } = lintDetailed(text, { now: NOW });
    expect(ruleErrors).toEqual([]);
    const raised = new Set(findings.map((f) => f.rule));
    expect(expected[name], `list the expected rules of ${name}`).toBeDefined();
    expect(expected[name]!.filter((r) => !raised.has(r))).toEqual([]);
  });
});
