import { copiesWholeContext, copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import { dockerignoreMatcher } from '~/engine/dockerignore';
import type { Stage } from '~/engine/model';
import type { Word } from '~/engine/shell';

/** What a Python project's .dockerignore must keep out, each with paths that prove it and the pattern to add. */
interface Entry {
  name: string;
  paths: string[][];
  pattern: string;
  /** What the entry costs when it is sent. */
  why: string;
  topLevel?: string;
  /** A probe path inside a directory (`src` → `src/__pycache__/…`): bytecode sits in every package directory. */
  inDir?: (dir: string) => string;
}
const ENTRIES: Entry[] = [
  { name: '.git', paths: [['.git/HEAD']], pattern: '.git', why: 'the whole Git history' },
  { name: '.venv', paths: [['.venv/bin/python'], ['venv/bin/python']], pattern: '**/.venv', why: 'a host virtualenv that breaks imports' },
  {
    name: '__pycache__', paths: [['app/__pycache__/main.cpython-312.pyc', '__pycache__/main.cpython-312.pyc']], pattern: '**/__pycache__', why: 'stale bytecode',
    topLevel: '__pycache__/main.cpython-312.pyc', inDir: (dir) => `${dir}/__pycache__/main.cpython-312.pyc`,
  },
  { name: '*.pyc', paths: [['app/main.pyc']], pattern: '**/*.pyc', why: 'stale bytecode', topLevel: 'main.pyc', inDir: (dir) => `${dir}/main.pyc` },
  { name: '.env', paths: [['.env']], pattern: '.env', why: 'secrets in `.env`' },
];

/**
 * The directories an allow-list brings back (`!src/`, `!src/**`, `!app`): where bytecode is
 * looked for too. A name with a dot or a capital (`!requirements.txt`, `!Makefile`) is a file.
 */
function exceptionDirs(lines: readonly string[]): string[] {
  const dirs: string[] = [];
  for (const l of lines) {
    if (!l.startsWith('!')) continue;
    const p = l.slice(1).trim().replace(/^\.?\/+/, '');
    const explicit = /^([\w.-]+(?:\/[\w.-]+)*)\/(\*\*?)?$/.exec(p);
    const dir = explicit ? explicit[1]! : /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/.test(p) ? p : null;
    if (dir && !dir.split('/').some((s) => s === '..' || s === '.')) dirs.push(dir);
  }
  return dirs;
}

/** `a`, `a and b`, `a, b and c`. */
function andList(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}` : items.join('');
}

export default defineRule({
  name: 'dockerignore-missing-entries',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require the `.dockerignore` of a Python project to exclude `.git`, virtualenvs, bytecode and `.env`',
    category: 'context',
    scope: 'file',
    messages: {
      missing: 'The whole build context is copied, but `.dockerignore` does not exclude {{entries}}: {{fate}} ({{why}}). Add {{patterns}}.',
      missingAnchored: 'The whole build context is copied, but `.dockerignore` does not exclude {{entries}}: {{fate}} ({{why}}). Add {{patterns}}. Unlike in .gitignore, a pattern without `**/` matches only at the top of the context, so the entries {{anchored}} miss every subdirectory.',
      missingReincluded: 'The whole build context is copied, but `.dockerignore` does not exclude {{entries}}: {{fate}} ({{why}}). The {{exceptions}} {{bring}} {{reincluded}} back into the context: the last matching line wins, so add {{patterns}} after the exceptions.',
      missingAnchoredReincluded: 'The whole build context is copied, but `.dockerignore` does not exclude {{entries}}: {{fate}} ({{why}}). Unlike in .gitignore, a pattern without `**/` matches only at the top of the context, so the entries {{anchored}} miss every subdirectory; and the {{exceptions}} {{bring}} {{reincluded}} back into the context. The last matching line wins: add {{patterns}} after the exceptions.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        const text = context.options.dockerignore;
        if (typeof text !== 'string') return;
        // The first copy into the image that ships, else the first into a build stage (whose layers only the build sees).
        let source: Word | null = null;
        let builder: Stage | null = null;
        for (const instr of model.instructions) {
          const args = copyArgs(model, instr);
          const whole = args ? copiesWholeContext(args) : null;
          const stage = whole ? model.stageOf(instr) : null;
          if (!whole || !stage) continue;
          if (model.ships(stage)) { source = whole; builder = null; break; }
          if (!source) { source = whole; builder = stage; }
        }
        if (!source) return;
        const ignored = dockerignoreMatcher(text);
        const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
        const dirs = exceptionDirs(lines);
        const entries = ENTRIES.map((e) => (e.inDir && dirs.length ? { ...e, paths: [[...e.paths[0]!, ...dirs.map(e.inDir)], ...e.paths.slice(1)] } : e));
        // An entry is covered when, for one of its alternatives, every probe path is ignored.
        const covered = (e: Entry) => e.paths.some((alt) => alt.every((p) => ignored(p)));
        // Python 3 writes bytecode only into `__pycache__` (PEP 3147): with those excluded there are no `*.pyc` left
        // to send (`docker init` writes `**/__pycache__` alone). `*.pyc` anywhere covers `__pycache__` the same way.
        const pycache = entries.find((e) => e.name === '__pycache__')!;
        const missing = entries.filter((e) => !covered(e) && !(e.name === '*.pyc' && covered(pycache)));
        if (!missing.length) return;
        const matchers = new Map<string, (path: string) => boolean>();
        const matches = (pattern: string, path: string) => {
          let m = matchers.get(pattern);
          if (!m) matchers.set(pattern, m = dockerignoreMatcher(pattern));
          return m(path);
        };
        const excluded = dockerignoreMatcher(lines.filter((l) => !l.startsWith('!')).join('\n'));
        const exceptions = new Set<string>();
        const reincluded: typeof missing = [];
        const anchored: typeof missing = [];
        for (const m of missing) {
          // An exception (`!app/**`) re-includes a path that the other patterns exclude: the last one that matches it.
          const back = m.paths.flat().find((p) => !ignored(p) && excluded(p));
          const exception = back && [...lines].reverse().find((l) => l.startsWith('!') && matches(l.slice(1), back));
          if (exception) {
            exceptions.add(exception);
            reincluded.push(m);
            continue;
          }
          // The common near miss: `*.pyc` or `__pycache__` written as in .gitignore, which matches only at the top.
          // Only when such a pattern is there: a catch-all (`*`, `**`) also matches the top, and is not one.
          const nested = m.paths[0]![0]!;
          if (m.topLevel !== undefined && ignored(m.topLevel) && lines.some((l) => !l.startsWith('!')
            && matches(l, m.topLevel!) && !matches(l, nested) && !matches(l, 'shipshape-unrelated-probe.txt'))) anchored.push(m);
        }
        const names = (list: typeof missing) => andList(list.map((m) => `\`${m.name}\``));
        const one = missing.length === 1;
        const fate = builder
          ? `${one ? 'it goes' : 'they go'} into the build stage \`${builder.name ?? builder.index}\``
          : one ? 'it ends up in the image' : 'they end up in the image';
        context.report({
          messageId: reincluded.length ? (anchored.length ? 'missingAnchoredReincluded' : 'missingReincluded') : anchored.length ? 'missingAnchored' : 'missing',
          data: { fate, entries: missing.map((m) => `\`${m.name}\``).join(', '), why: [...new Set(missing.map((m) => m.why))].join(', '), patterns: missing.map((m) => `\`${m.pattern}\``).join(', '),
            anchored: names(anchored), reincluded: names(reincluded), exceptions: `${exceptions.size > 1 ? 'exceptions' : 'exception'} ${andList([...exceptions].map((e) => `\`${e}\``))}`,
            bring: exceptions.size > 1 ? 'bring' : 'brings' },
          range: { start: source.start, end: source.end },
        });
      },
    };
  },
});
