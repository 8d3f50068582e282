import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist/cli/shipshape.js');
const require = createRequire(import.meta.url);

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'src/tools/build-cli.mjs')], { stdio: 'pipe' });
}, 60_000);

function cli(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: opts.input ?? '', cwd: opts.cwd ?? root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...opts.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const bad = 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["gunicorn", "app:app"]\n';
const good = 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nWORKDIR /app\nRUN pip install --no-cache-dir flask\nUSER 10001\nCMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "app:app"]\n';

describe('shipshape lint', () => {
  it('prints the JSON contract and exits 1 on findings', () => {
    const d = dir({ Dockerfile: bad });
    const r = cli(['lint', '--format', 'json', join(d, 'Dockerfile')]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    const pip = out.find((f) => f.rule === 'pip-no-cache-dir')!;
    expect(pip).toMatchObject({ file: join(d, 'Dockerfile'), severity: 'warning', line: 2, column: 5, endLine: 2, endColumn: 16, sources: ['hadolint:DL3042'], url: 'https://shipshape.dev/rules/pip-no-cache-dir/' });
    expect(pip.fix).toMatchObject({ safety: 'safe', edits: [{ start: 37, end: 37, text: ' --no-cache-dir' }] });
    for (const f of out) expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'sources', 'url']));
  });
  it('gives [] and exit 0 for a clean Dockerfile', () => {
    const d = dir({ Dockerfile: good });
    const r = cli(['lint', '--format', 'json', join(d, 'Dockerfile')]);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });
  it('reads standard input', () => {
    const r = cli(['lint', '--format', 'json', '-'], { input: bad });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].file).toBe('-');
  });
  it('exits 2 with one line naming an unreadable file', () => {
    const r = cli(['lint', '/no/such/Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/no/such/Dockerfile');
  });
  it('exits 2 on usage errors', () => {
    expect(cli(['lint']).code).toBe(2);
    expect(cli(['lint', '--format', 'xml', 'x']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
  });
  it('honours the failure threshold', () => {
    const d = dir({ Dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 10001\n' });
    expect(cli(['lint', join(d, 'Dockerfile')]).code).toBe(0);
    expect(cli(['lint', '-t', 'info', join(d, 'Dockerfile')]).code).toBe(1);
  });
  it('picks up the .dockerignore next to the Dockerfile', () => {
    const d = dir({ Dockerfile: 'FROM python:3.12-slim\nCOPY . .\n', '.dockerignore': 'node_modules\n' });
    const rules = (JSON.parse(cli(['lint', '-f', 'json', join(d, 'Dockerfile')]).stdout) as Array<{ rule: string }>).map((f) => f.rule);
    expect(rules).toContain('dockerignore-missing-entries');
    expect(rules).not.toContain('dockerignore-absent');
  });
  it('prefers the Dockerfile-specific ignore file, as BuildKit does', () => {
    const d = dir({ 'Dockerfile.prod': 'FROM python:3.12-slim\nCOPY . .\n', 'Dockerfile.prod.dockerignore': '.git\n**/.venv\n**/__pycache__\n**/*.pyc\n.env\n', '.dockerignore': 'node_modules\n' });
    const rules = (JSON.parse(cli(['lint', '-f', 'json', join(d, 'Dockerfile.prod')]).stdout) as Array<{ rule: string }>).map((f) => f.rule);
    expect(rules).not.toContain('dockerignore-missing-entries');
    expect(rules).not.toContain('dockerignore-absent');
    const only = dir({ 'Dockerfile.dev': 'FROM python:3.12-slim\nCOPY . .\n', 'Dockerfile.dev.dockerignore': 'node_modules\n' });
    expect((JSON.parse(cli(['lint', '-f', 'json', join(only, 'Dockerfile.dev')]).stdout) as Array<{ rule: string }>).map((f) => f.rule)).toContain('dockerignore-missing-entries');
  });
  it('uses .shipshape.json: rules off, severity overrides, threshold', () => {
    const d = dir({ Dockerfile: bad, '.shipshape.json': JSON.stringify({ rules: { 'root-final-user': 'off', 'pip-no-cache-dir': 'error' }, failureThreshold: 'error' }) });
    const r = cli(['lint', '-f', 'json', join(d, 'Dockerfile')]);
    const out = JSON.parse(r.stdout) as Array<{ rule: string; severity: string }>;
    expect(out.some((f) => f.rule === 'root-final-user')).toBe(false);
    expect(out.find((f) => f.rule === 'pip-no-cache-dir')!.severity).toBe('error');
    expect(r.code).toBe(1);
  });
  it('rejects a bad config with one clear line', () => {
    const d = dir({ Dockerfile: bad, '.shipshape.json': JSON.stringify({ rules: { 'pip-no-cache': 'off' } }) });
    const r = cli(['lint', join(d, 'Dockerfile')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/\.shipshape\.json: rules\/pip-no-cache: unknown rule 'pip-no-cache' \(did you mean 'pip-no-cache-dir'\?\)$/);
    const d2 = dir({ Dockerfile: bad, '.shipshape.json': '{"failureThreshold": "loud"}' });
    expect(cli(['lint', join(d2, 'Dockerfile')]).stderr).toMatch(/failureThreshold/);
  });
  it('--fix writes safe fixes back, and a second run changes nothing', () => {
    const d = dir({ Dockerfile: bad });
    const file = join(d, 'Dockerfile');
    cli(['lint', '--fix', file]);
    const once = readFileSync(file, 'utf8');
    expect(once).toContain('pip install --no-cache-dir flask');
    expect(once).toContain('ENV PYTHONUNBUFFERED=1');
    cli(['lint', '--fix', file]);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });
  it('prints GitHub workflow commands', () => {
    const d = dir({ Dockerfile: bad });
    const out = cli(['lint', '-f', 'github', join(d, 'Dockerfile')]).stdout.trim().split('\n');
    expect(out.find((l) => l.includes('pip-no-cache-dir'))).toMatch(/^::warning file=.*Dockerfile,line=2,col=5,endLine=2,endColumn=16,title=pip-no-cache-dir \(Shipshape\)::/);
  });
  it('prints SARIF 2.1.0 that validates against the official schema', () => {
    const d = dir({ Dockerfile: bad });
    const log = JSON.parse(cli(['lint', '-f', 'sarif', join(d, 'Dockerfile')]).stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'pip-no-cache-dir');
    expect(rule.helpUri).toBe('https://shipshape.dev/rules/pip-no-cache-dir/');
    expect(rule.fullDescription.text.length).toBeGreaterThan(10);
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'pip-no-cache-dir');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 2, startColumn: 5, endLine: 2, endColumn: 16 });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('pip-no-cache-dir');
  });
  it('colours only on a TTY and never with NO_COLOR', () => {
    const r = cli(['lint', '-'], { input: bad });
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('^^^^');
    expect(r.stdout).toContain('https://shipshape.dev/rules/pip-no-cache-dir/');
  });
});

describe('shipshape rules and explain', () => {
  it('lists every rule as JSON', () => {
    const out = JSON.parse(cli(['rules', '--format', 'json']).stdout) as Array<Record<string, unknown>>;
    expect(out.length).toBeGreaterThan(30);
    for (const r of out) expect(Object.keys(r)).toEqual(expect.arrayContaining(['name', 'severity', 'description', 'sources', 'url', 'fixable']));
  });
  it('explains a rule by name or by a hadolint code', () => {
    const byName = cli(['explain', 'pip-no-cache-dir']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('Why is this bad?');
    expect(cli(['explain', 'DL3042']).stdout).toContain('pip-no-cache-dir');
    const unknown = cli(['explain', 'pip-no-cache']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("did you mean 'pip-no-cache-dir'");
  });
});

describe('a rule that fails internally', () => {
  it('is named on stderr with the file, once per failure', async () => {
    const { reportRuleErrors } = await import('~/cli/rule-errors');
    const lines: string[] = [];
    reportRuleErrors({ stderr: (s) => lines.push(s) }, 'Dockerfile', [{ rule: 'pip-no-cache-dir', message: 'boom' }]);
    expect(lines).toEqual(['shipshape: rule pip-no-cache-dir failed on Dockerfile and was skipped (its findings are missing): boom\n']);
    reportRuleErrors({ stderr: (s) => lines.push(s) }, 'Dockerfile', []);
    expect(lines).toHaveLength(1);
  });
});
