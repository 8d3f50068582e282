import { describe, expect, it } from 'vitest';
import { lint } from '~/engine/index';

const rulesAt = (text: string, options = {}) => lint(text, options).map((f) => `${f.line} ${f.rule}`);
const base = 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 10001\n';

describe('suppressions', () => {
  it('# shipshape ignore= covers the next instruction only', () => {
    const text = `${base}# shipshape ignore=pip-no-cache-dir -- wheels are tiny here\nRUN pip install flask\nRUN pip install django\n`;
    expect(rulesAt(text)).not.toContain('5 pip-no-cache-dir');
    expect(rulesAt(text)).toContain('6 pip-no-cache-dir');
  });
  it('several rules and all', () => {
    expect(rulesAt(`${base}# shipshape ignore=pip-no-cache-dir,pip-unpinned\nRUN pip install flask\n`)).not.toContain('5 pip-no-cache-dir');
    expect(rulesAt(`${base}# shipshape ignore=all\nRUN pip install flask\n`).filter((r) => r.startsWith('5 '))).toEqual([]);
  });
  it('# shipshape ignore-stage= covers the stage of the next FROM', () => {
    const text = '# shipshape ignore-stage=pip-no-cache-dir\nFROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\nRUN pip install flask\n';
    const found = rulesAt(text);
    expect(found).not.toContain('3 pip-no-cache-dir');
    expect(found).toContain('5 pip-no-cache-dir');
  });
  it('# shipshape ignore-file= covers the file', () => {
    expect(rulesAt(`# shipshape ignore-file=pip-no-cache-dir\n${base}RUN pip install flask\nRUN pip install x\n`).some((r) => r.endsWith('pip-no-cache-dir'))).toBe(false);
  });
  it('honours hadolint pragmas for rules that list the code', () => {
    expect(rulesAt(`${base}# hadolint ignore=DL3042 # reason\nRUN pip install flask\n`)).not.toContain('5 pip-no-cache-dir');
    expect(rulesAt(`# hadolint global ignore=DL3042,DL3002\nFROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nRUN pip install flask\n`).filter((r) => /pip-no-cache-dir|root-final-user/.test(r))).toEqual([]);
    expect(rulesAt('# hadolint stage ignore=DL3042\nFROM python:3.12 AS b\nRUN pip install x\nFROM python:3.12-slim\nRUN pip install y\n').filter((r) => r.endsWith('pip-no-cache-dir'))).toEqual(['5 pip-no-cache-dir']);
  });
  it('honours Docker check=skip as a directive, per instruction and per stage', () => {
    const directive = '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM python:3.12-slim\nCMD gunicorn app:app\n';
    expect(rulesAt(directive).some((r) => r.endsWith('json-args-recommended'))).toBe(false);
    const perInstruction = 'FROM python:3.12-slim\n# check=skip=JSONArgsRecommended\nCMD gunicorn app:app\nFROM python:3.12-slim\nCMD gunicorn app:app\n';
    expect(rulesAt(perInstruction).filter((r) => r.endsWith('json-args-recommended'))).toEqual(['5 json-args-recommended']);
    const all = `${base}# check=skip=all\nCMD python app.py\n`;
    expect(rulesAt(all).filter((r) => r.startsWith('5 '))).toEqual([]);
  });
  it('check=skip=all skips the rules that stand for Docker checks, not the Python rules', () => {
    const text = '# check=skip=all\nFROM python:3.12-slim AS Build\nCMD gunicorn app:app\n';
    const found = rulesAt(text);
    expect(found.filter((r) => /json-args-recommended|stage-name-casing/.test(r))).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(['2 python-unbuffered', '2 root-final-user', '3 gunicorn-worker-tmp-dir']));
    // Likewise `# hadolint ignore=all`: the rules with a hadolint code only.
    const hadolint = `${base}# hadolint ignore=all\nRUN pip install --trusted-host x flask\n`;
    expect(rulesAt(hadolint).filter((r) => r.startsWith('5 '))).toEqual(['5 tls-verification-disabled']);
  });
  it('noInlineIgnores turns every pragma off', () => {
    const text = `${base}# shipshape ignore=pip-no-cache-dir\n# hadolint ignore=DL3042\nRUN pip install flask\n`;
    expect(rulesAt(text, { noInlineIgnores: true })).toContain('6 pip-no-cache-dir');
  });
  it('a pragma for another rule suppresses nothing else', () => {
    expect(rulesAt(`${base}# shipshape ignore=uv-no-cache\nRUN pip install flask\n`)).toContain('5 pip-no-cache-dir');
  });
});
