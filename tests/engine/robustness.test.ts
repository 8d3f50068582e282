import { describe, expect, it } from 'vitest';
import { applyFixes, lint, lintDetailed } from '~/engine/index';
import type { Finding } from '~/engine/types';
import { fixtureDockerfiles } from '../support/fixtures';

/** Lints, asserting that nothing threw and that every range (and every fix edit) lies inside the text. */
function check(text: string): Finding[] {
  let result: ReturnType<typeof lintDetailed> | undefined;
  expect(() => { result = lintDetailed(text); }).not.toThrow();
  const { findings, ruleErrors } = result!;
  expect(ruleErrors).toEqual([]);
  const lines = text.split(/\r\n|\r|\n/).length;
  const outside = findings.filter((f) => !(
    Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start <= f.end && f.end <= text.length
    && f.line >= 1 && f.column >= 1 && f.endLine >= f.line && f.endLine <= lines && f.endColumn >= 1
    && [f.fix, ...(f.suggestions ?? [])].every((fix) => !fix || fix.edits.every((e) => e.start >= 0 && e.start <= e.end && e.end <= text.length))));
  expect(outside).toEqual([]);
  return findings;
}

/** A line that raises `pip-no-cache-dir` wherever it is, to prove the lint went on past the bad input. */
const PROBE = 'RUN pip install flask';
const probeLines = (found: Finding[]) => found.filter((f) => f.rule === 'pip-no-cache-dir').map((f) => [f.line, f.column]);

describe('bad input never breaks lint()', () => {
  it('returns nothing for empty or whitespace-only text', () => {
    expect(check('')).toEqual([]);
    expect(check('\n\n   \n\t\n')).toEqual([]);
    expect(lint(undefined as unknown as string)).toEqual([]);
  });
  it('lints a file of comments only', () => {
    expect(check('# just a comment\n# another\n#\n')).toEqual([]);
    check('# shipshape ignore=all\n# hadolint ignore=DL3042\n# check=skip=all\n');
  });
  it('survives binary bytes', () => {
    check(String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 37 + (i >> 8)) % 256)));
    check(`FROM python:3.12\n${'\u0000\u0001\u0002RUN \u0000 pip\u0007 install x\n'.repeat(10)}`);
  });
  it('survives invalid UTF-8 decoded to U+FFFD and still lints what follows', () => {
    const bytes = new TextEncoder().encode('FROM python:3.12-slim\nRUN echo \u0000\n');
    const bad = new Uint8Array([...bytes, 0xff, 0xfe, 0xc3, 0x0a, 0xe2, 0x82, 0x0a, ...new TextEncoder().encode(`${PROBE}\n`)]);
    const text = new TextDecoder().decode(bad);
    expect(text).toContain('\uFFFD');
    expect(probeLines(check(text))).toEqual([[5, 5]]);
  });
  it('keeps positions right with CRLF line ends', () => {
    const f = check('FROM python:3.12-slim\r\nENV A=1 \\\r\n    B=2\r\nRUN pip install \\\r\n    flask\r\n').find((x) => x.rule === 'pip-no-cache-dir')!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([4, 5, 4, 16]);
  });
  it('writes the lines a fix inserts with the file\'s CRLF line ends, until nothing is left to fix', () => {
    const fixAll = (input: string) => {
      let out = input;
      for (let pass = 0; pass < 5; pass++) out = applyFixes(out, lint(out)).text;
      return out;
    };
    const text = 'FROM python:3.12-slim\r\nRUN pip install flask==3.0.3\r\nUSER 1000\r\n';
    const fixed = fixAll(text);
    expect(fixed).toContain('ENV PYTHONUNBUFFERED=1\r\n');
    expect(fixed).toContain('--no-cache-dir');
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(applyFixes(fixed, lint(fixed)).applied).toEqual([]);
    // An LF file keeps LF.
    expect(fixAll(text.replace(/\r\n/g, '\n'))).not.toContain('\r');
  });
  it('keeps positions right with lone CR line ends', () => {
    expect(probeLines(check(`FROM python:3.12-slim\r${PROBE}\r`))).toEqual([[2, 5]]);
  });
  it('keeps positions right after a BOM: the first instruction is at 1:1', () => {
    const text = '\uFEFFFROM python:3.8-slim\nRUN pip install flask\n';
    const found = check(text);
    const eol = found.find((f) => f.rule === 'python-eol')!;
    expect([eol.line, eol.column]).toEqual([1, 13]);
    expect(text.slice(eol.start, eol.end)).toContain('3.8');
    expect(probeLines(found)).toEqual([[2, 5]]);
    const root = found.find((f) => f.rule === 'root-final-user')!;
    expect([root.line, root.column]).toEqual([1, 6]);
    // Without the BOM the same file gives the same positions.
    expect(check(text.slice(1)).map((f) => [f.rule, f.line, f.column])).toEqual(found.map((f) => [f.rule, f.line, f.column]));
  });
  it('lints past an unterminated heredoc', () => {
    check('FROM python:3.12\nRUN <<EOF\npip install flask\n');
    check('FROM python:3.12\nRUN <<\n');
    check('FROM python:3.12\nCOPY <<EOF /app/x.py\nprint(1)\n');
  });
  it('lints past unknown instructions and flags', () => {
    const text = `FROM python:3.12-slim\nFROOB x\nCOPY --frobnicate=1 a b\nRUN --weird=1 --mount=type=nope,,=, pip install x\nADD --whatever http://x /y\n${PROBE}\n`;
    expect(probeLines(check(text))).toContainEqual([6, 5]);
  });
  it('reads modern BuildKit flags', () => {
    const text = [
      'FROM python:3.12-slim',
      'COPY --link --chmod=755 --chown=10001:10001 --exclude=*.pyc --exclude=tests/ --parents src/**/*.py /app/',
      'ADD --keep-git-dir=true --checksum=sha256:abc https://github.com/example/repo.git /src',
      'RUN --network=none --security=sandbox --mount=type=secret,id=pypi,env=PIP_INDEX_URL true',
      PROBE,
      '',
    ].join('\n');
    expect(probeLines(check(text))).toEqual([[5, 5]]);
  });
  it('reads parser directives, the backtick escape and ONBUILD', () => {
    const text = '# syntax=docker/dockerfile:1.7-labs\n# check=skip=JSONArgsRecommended;error=true\n# escape=`\nFROM python:3.12-slim\nONBUILD RUN pip install x\nRUN echo a `\n  && pip install flask\n';
    const found = check(text);
    expect(probeLines(found)).toEqual([[5, 13], [7, 6]]);
  });
  it('reads lower-case and mixed-case instructions', () => {
    expect(probeLines(check('from python:3.12-slim\nrun pip install flask\nRun pip install x\ncmd ["python"]\n'))).toEqual([[2, 5], [3, 5]]);
  });
  it('survives lone continuations, unbalanced quotes and brackets', () => {
    check('FROM python:3.12\nRUN \\\n');
    check('FROM python:3.12\nRUN \\');
    check('FROM python:3.12\nRUN echo "unterminated && pip install x\nCMD ["python", "x\nENTRYPOINT [\n');
    check('FROM python:3.12\nRUN $(( ${ `\nRUN ((((((((((\nRUN ))))))\nRUN sh -c\nRUN sh -c "\n');
    check('FROM\nFROM \nFROM AS\nFROM python:3.12 AS\nARG\nENV\nENV =\nUSER\nWORKDIR\nCOPY\nHEALTHCHECK CMD\nSHELL []\nONBUILD\nONBUILD ONBUILD RUN x\n');
  });
  it('finds problems after broken lines', () => {
    const found = check(`FROM python:3.12-slim\nFROOB ???\nRUN <<\nCOPY --nope\n${PROBE}\n`);
    expect(probeLines(found)).toContainEqual([5, 5]);
  });
  it('handles 10,000 RUN lines', () => {
    const many = `FROM python:3.12-slim\n${`${PROBE}\n`.repeat(10_000)}`;
    expect(check(many).filter((f) => f.rule === 'pip-no-cache-dir')).toHaveLength(10_000);
  }, 120_000);
  it('handles a 5 MB file', () => {
    const big = `FROM python:3.12-slim\n${'RUN echo "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'.repeat(65_000)}${PROBE}\n`;
    expect(big.length).toBeGreaterThan(5_000_000);
    expect(probeLines(check(big))).toEqual([[65_002, 5]]);
  }, 120_000);
  it('handles a single 1 MB line', () => {
    expect(probeLines(check(`FROM python:3.12-slim\nRUN echo ${'a'.repeat(1_000_000)}\n${PROBE}\n`))).toEqual([[3, 5]]);
    check(`FROM python:3.12-slim\nRUN ${'pip install x && '.repeat(60_000)}true\n`);
    check(`FROM python:3.12-slim\n# ${'c'.repeat(1_000_000)}\n`);
  }, 120_000);
  it('lints every fixture', () => {
    const files = fixtureDockerfiles();
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) check(f.text);
  });
});

describe('lint() runs in linear time', () => {
  /**
   * Fastest of five timings, after two warm-ups: on a shared machine, load only ever adds time,
   * so the minimum is the figure closest to the code's own cost (a median still moved with the load).
   */
  const time = (text: string) => {
    lintDetailed(text);
    lintDetailed(text);
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      lintDetailed(text);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  it('10x the lines of realistic Dockerfiles takes less than 20x the time', () => {
    const body = fixtureDockerfiles().map((f) => f.text.replace(/^# (syntax|check|escape)=.*$/gm, '')).join('\n');
    const one = time(body);
    const ten = time(Array.from({ length: 10 }, () => body).join('\n'));
    expect(ten / one).toBeLessThan(20);
  }, 120_000);
  // Shapes that once had a loop inside a loop (suppressions, the directive block, ENV lookups).
  it.each<[string, (n: number) => string]>([
    ['comment lines', (n) => '# a comment\n'.repeat(n)],
    ['comment lines, then a FROM', (n) => `${'# a comment\n'.repeat(n)}FROM python:3.12-slim\n`],
    ['a pragma above every RUN', (n) => `FROM python:3.12-slim\n${`# shipshape ignore=pip-no-cache-dir\n${PROBE}\n`.repeat(n / 2)}`],
    ['check=skip above every CMD', (n) => `FROM python:3.12-slim\n${'# check=skip=JSONArgsRecommended\nCMD gunicorn app:app\n'.repeat(n / 2)}`],
    ['ENV before every RUN', (n) => `FROM python:3.12-slim\n${'ENV PIP_NO_CACHE_DIR=0\nRUN pip install $PIP_NO_CACHE_DIR\n'.repeat(n / 2)}`],
    ['many stages', (n) => Array.from({ length: n }, (_, i) => `FROM python:3.12-slim AS s${i}\nRUN pip install x`).join('\n')],
  ])('%s', (_name, make) => {
    const one = time(make(400));
    const ten = time(make(4000));
    expect(ten / one).toBeLessThan(20);
  }, 120_000);
});
