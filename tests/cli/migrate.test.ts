import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readConfig } from '~/cli/config';
import { main } from '~/cli/main';
import { migrateHadolint } from '~/cli/migrate';
import { lint } from '~/engine/index';

// `shipshape explain` embeds the rule pages through an esbuild plugin; the CLI runs in-process here without them.
vi.mock('virtual:rule-docs', () => ({ default: {} }));

function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = main({ argv: args, stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, readStdin: () => '', isTTY: false, env: {}, cwd });
  return { code, stdout, stderr };
}

function dir(files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'shipshape-migrate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const FULL = `
ignored:
  - DL3008
  - DL3013
override:
  error:
    - DL3042
  info:
    - DL3007
  style:
    - DL3057
failure-threshold: warning
trustedRegistries:
  - docker.io
  - "*.gcr.io"
label-schema:
  org.opencontainers.image.source: url
  org.opencontainers.image.revision: hash
  maintainer: email
strict-labels: true
`;

describe('migrateHadolint', () => {
  it('maps every hadolint setting to its Shipshape equivalent', () => {
    const { config } = migrateHadolint(FULL);
    expect(config).toEqual({
      rules: {
        'apt-get-unpinned': 'off',
        'base-image-latest': 'info',
        'healthcheck-missing': 'style',
        'pip-no-cache-dir': 'error',
        'pip-unpinned': 'off',
      },
      failureThreshold: 'warning',
      settings: {
        trustedRegistries: ['docker.io', '*.gcr.io'],
        labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.revision': 'hash', maintainer: 'email' },
        strictLabels: true,
      },
    });
    // Codes resolve through each rule's `sources`.
    expect(config.rules!['apt-get-unpinned']).toBe('off');
    expect(config.rules!['pip-no-cache-dir']).toBe('error');
    expect(config.rules!['healthcheck-missing']).toBe('style');
    expect(config.rules!['base-image-latest']).toBe('info');
    expect(Object.keys(config.rules!)).toEqual([...Object.keys(config.rules!)].sort());
  });

  it('names unknown codes, ShellCheck codes and removed codes as warnings', () => {
    const { config, warnings } = migrateHadolint('ignored: [DL9999, SC2086, DL3005, dl3042]\nfailure-threshold: error\n');
    expect(config.rules).toEqual({ 'pip-no-cache-dir': 'off' });
    expect(warnings.some((w) => /DL9999.*no Shipshape rule/.test(w))).toBe(true);
    expect(warnings.some((w) => /SC2086.*ShellCheck/.test(w))).toBe(true);
    expect(warnings.some((w) => /DL3005.*removed from hadolint/.test(w))).toBe(true);
  });

  it('reports settings that do not apply', () => {
    const { config, warnings } = migrateHadolint('no-color: true\nformat: json\nverbose: true\nfoo: 1\nfailure-threshold: info\n');
    expect(config).toEqual({ failureThreshold: 'info' });
    for (const key of ['no-color', 'format', 'verbose']) expect(warnings.some((w) => w.startsWith(`${key}: not applicable`)), key).toBe(true);
    expect(warnings.some((w) => w.startsWith('foo: not a hadolint setting'))).toBe(true);
  });

  it('keeps hadolint\'s pass/fail behaviour: default threshold info, no-fail never fails', () => {
    expect(migrateHadolint('ignored: [DL3042]\n').config.failureThreshold).toBe('info');
    expect(migrateHadolint('no-fail: true\nfailure-threshold: error\n').config.failureThreshold).toBe('none');
    expect(migrateHadolint('no-fail: false\nfailure-threshold: error\n').config.failureThreshold).toBe('error');
  });

  it('turns off a rule that covers several codes, and says so', () => {
    const multi = migrateHadolint('ignored: [DL4003]\nfailure-threshold: info\n');
    const rule = Object.keys(multi.config.rules!)[0]!;
    expect(multi.config.rules![rule]).toBe('off');
    expect(multi.warnings.some((w) => w.includes(`${rule} also checks`) && w.includes('DL4004'))).toBe(true);
  });

  it('ignoring wins over an override; conflicting overrides keep the most severe', () => {
    const a = migrateHadolint('ignored: [DL3042]\noverride: {error: [DL3042]}\n');
    expect(a.config.rules).toEqual({ 'pip-no-cache-dir': 'off' });
    expect(a.warnings.some((w) => /ignoring wins/.test(w))).toBe(true);
    const b = migrateHadolint('override: {info: [DL4003], error: [DL4004]}\n');
    expect(Object.values(b.config.rules!)).toEqual(['error']);
    expect(b.warnings.some((w) => /different severities; using error/.test(w))).toBe(true);
  });

  it('failure-threshold: hadolint "none" and "ignore" fail on everything, which is "style" here', () => {
    expect(migrateHadolint('failure-threshold: none\n').config.failureThreshold).toBe('style');
    expect(migrateHadolint('failure-threshold: ignore\n').config.failureThreshold).toBe('style');
    const unset = migrateHadolint('ignored: [DL3042]\n');
    expect(unset.config.failureThreshold).toBe('info');
    expect(unset.warnings.some((w) => /failure-threshold: not set/.test(w))).toBe(true);
  });

  it('accepts a single registry string, the older trusted-registries key, and disable-ignore-pragma', () => {
    expect(migrateHadolint('trustedRegistries: my.registry.io\n').config.settings).toEqual({ trustedRegistries: ['my.registry.io'] });
    expect(migrateHadolint('trusted-registries: [a.io]\n').config.settings).toEqual({ trustedRegistries: ['a.io'] });
    expect(migrateHadolint('disable-ignore-pragma: true\n').config.noInlineIgnores).toBe(true);
  });

  it('skips label types it does not know, with a warning', () => {
    const { config, warnings } = migrateHadolint('label-schema:\n  a: url\n  b: date\nstrict-labels: false\n');
    expect(config.settings).toEqual({ labelSchema: { a: 'url' } });
    expect(warnings.some((w) => /label-schema\.b: unknown type 'date'/.test(w))).toBe(true);
  });

  it('an empty file gives hadolint\'s defaults (it fails on info)', () => {
    expect(migrateHadolint('').config).toEqual({ failureThreshold: 'info' });
    expect(migrateHadolint('# nothing\n').config).toEqual({ failureThreshold: 'info' });
  });

  it('rejects invalid YAML and wrong shapes with one line', () => {
    for (const bad of ['ignored: [DL3008\n', 'key: value\n  bad: indent\n', '- a list\n', 'ignored: {a: 1}\n', 'override: [DL3008]\n', 'failure-threshold: severe\n', 'strict-labels: yes\n', 'label-schema: [a]\n']) {
      expect(() => migrateHadolint(bad), bad).toThrow();
      try { migrateHadolint(bad); } catch (e) { expect((e as Error).message.includes('\n'), bad).toBe(false); }
    }
  });
});

describe('shipshape migrate', () => {
  it('writes the config to stdout and the notes to stderr', () => {
    const d = dir({ '.hadolint.yaml': FULL });
    const r = run(['migrate', '--from-hadolint', '.hadolint.yaml'], d);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.settings.strictLabels).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('writes --output, which shipshape lint then reads', () => {
    const d = dir({ '.hadolint.yaml': 'ignored: [DL3042]\nfailure-threshold: error\nlabel-schema:\n  org.opencontainers.image.source: url\n' });
    const r = run(['migrate', '--from-hadolint', '.hadolint.yaml', '--output', '.shipshape.json'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote .shipshape.json');
    const config = readConfig(join(d, '.shipshape.json'));
    expect(config).toEqual({ rules: { 'pip-no-cache-dir': 'off' }, failureThreshold: 'error', settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } } });
    const rules = lint('FROM python:3.12-slim\nRUN pip install flask\n', { rules: config.rules, settings: config.settings }).map((f) => f.rule);
    expect(rules).not.toContain('pip-no-cache-dir');
    expect(rules).toContain('label-missing');
  });

  it('refuses to overwrite without --force', () => {
    const d = dir({ '.hadolint.yaml': 'ignored: [DL3042]\n', '.shipshape.json': '{"keep": true}\n' });
    const r = run(['migrate', '--from-hadolint', '.hadolint.yaml', '--output', '.shipshape.json'], d);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(d, '.shipshape.json'), 'utf8')).toBe('{"keep": true}\n');
    const f = run(['migrate', '--from-hadolint', '.hadolint.yaml', '--output', '.shipshape.json', '--force'], d);
    expect(f.code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, '.shipshape.json'), 'utf8'))).toEqual({ rules: { 'pip-no-cache-dir': 'off' }, failureThreshold: 'info' });
  });

  it('lists unknown codes and inapplicable settings on stderr, one per line', () => {
    const d = dir({ '.hadolint.yaml': 'ignored: [DL9999]\nno-color: true\nfailure-threshold: info\n' });
    const r = run(['migrate', '--from-hadolint', '.hadolint.yaml'], d);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ failureThreshold: 'info' });
    expect(r.stderr).toMatch(/^shipshape migrate: ignored: unknown rule code DL9999/m);
    expect(r.stderr).toMatch(/^shipshape migrate: no-color: not applicable/m);
  });

  it('exits 2 with one clear line for unreadable or invalid YAML', () => {
    const d = dir({ 'bad.yaml': 'ignored: [DL3008\n' });
    const missing = run(['migrate', '--from-hadolint', 'nope.yaml'], d);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shipshape: cannot read nope.yaml: no such file\n');
    const bad = run(['migrate', '--from-hadolint', 'bad.yaml', '--output', 'out.json'], d);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^shipshape: bad\.yaml: not valid YAML: .*\(line \d+, column \d+\)\n$/);
    expect(existsSync(join(d, 'out.json'))).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    const d = dir();
    expect(run(['migrate'], d).code).toBe(2);
    expect(run(['migrate', '--from-hadolint'], d).code).toBe(2);
    expect(run(['migrate', '--from-hadolint', 'x.yaml', 'extra'], d).code).toBe(2);
    expect(run(['migrate', '--frobnicate'], d).code).toBe(2);
  });

  it('is in the usage text', () => {
    expect(run(['--help'], dir()).stdout).toContain('shipshape migrate --from-hadolint');
  });
});
