import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDetailed } from '~/engine/index';
import type { Finding } from '~/engine/types';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'dockerfiles');

function check(text: string): Finding[] {
  const { findings, ruleErrors } = lintDetailed(text);
  expect(ruleErrors).toEqual([]);
  const outside = findings.filter((f) => !(f.start >= 0 && f.end >= f.start && f.end <= text.length && f.line >= 1 && f.column >= 1));
  expect(outside).toEqual([]);
  return findings;
}

describe('bad input never breaks the engine', () => {
  it.each([
    ['empty text', ''],
    ['only comments', '# just a comment\n# another\n'],
    ['binary bytes', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
    ['invalid UTF-8 decoded', new TextDecoder().decode(new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xc3]))],
    ['an unterminated heredoc', 'FROM python:3.12\nRUN <<EOF\npip install flask\n'],
    ['unknown instructions and flags', 'FROM python:3.12\nFROOB x\nCOPY --frobnicate=1 a b\nRUN --weird pip install x\n'],
    ['new BuildKit flags', 'FROM python:3.12\nCOPY --link --chmod=755 --exclude=*.pyc --parents a/ b/\nADD --keep-git-dir=true https://github.com/x/y.git /src\n'],
    ['directives and ONBUILD', '# syntax=docker/dockerfile:1\n# check=skip=all\n# escape=`\nFROM python:3.12\nONBUILD RUN pip install x\nRUN echo a `\n  && echo b\n'],
    ['lower-case instructions', 'from python:3.12\nrun pip install flask\ncmd ["python"]\n'],
    ['a lone continuation', 'FROM python:3.12\nRUN \\\n'],
    ['unbalanced quotes', 'FROM python:3.12\nRUN echo "unterminated && pip install x\nCMD ["python", "x\n'],
  ])('%s', (_name, text) => {
    check(text);
  });

  it('keeps positions right with CRLF line ends', () => {
    const f = check('FROM python:3.12-slim\r\nRUN pip install flask\r\n').find((x) => x.rule === 'pip-no-cache-dir')!;
    expect([f.line, f.column, f.endColumn]).toEqual([2, 5, 16]);
  });
  it('keeps positions right after a BOM', () => {
    const f = check('\uFEFFFROM python:3.12-slim\nRUN pip install flask\n').find((x) => x.rule === 'pip-no-cache-dir')!;
    expect([f.line, f.column]).toEqual([2, 5]);
  });
  it('finds problems after broken lines', () => {
    const found = check('FROM python:3.12-slim\nFROOB ???\nRUN <<\nCOPY --nope\nRUN pip install flask\n');
    expect(found.some((f) => f.rule === 'pip-no-cache-dir' && f.line === 5)).toBe(true);
  });
  it('handles 10,000 RUN lines, a 5 MB file and a 1 MB line', () => {
    const many = `FROM python:3.12-slim\n${'RUN pip install flask\n'.repeat(10_000)}`;
    expect(check(many).filter((f) => f.rule === 'pip-no-cache-dir')).toHaveLength(10_000);
    const big = `FROM python:3.12-slim\n${'RUN echo "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'.repeat(65_000)}`;
    expect(big.length).toBeGreaterThan(5_000_000);
    check(big);
    check(`FROM python:3.12-slim\nRUN echo ${'a'.repeat(1_000_000)}\n`);
  }, 120_000);
  it('scales linearly', () => {
    const body = readdirSync(fixtures).map((f) => readFileSync(join(fixtures, f), 'utf8').replace(/^# (syntax|check|escape)=.*$/gm, '')).join('\n');
    const time = (text: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) { const t = performance.now(); lintDetailed(text); runs.push(performance.now() - t); }
      return runs.sort((a, b) => a - b)[2]!;
    };
    time(body);
    const one = time(body);
    const ten = time(Array.from({ length: 10 }, () => body).join('\n'));
    expect(ten / one).toBeLessThan(20);
  }, 120_000);
  it('lints every fixture', () => {
    for (const f of readdirSync(fixtures)) check(readFileSync(join(fixtures, f), 'utf8'));
  });
});
