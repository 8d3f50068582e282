import { copiesWholeContext, copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import { dockerignoreMatcher } from '~/engine/dockerignore';
import type { Word } from '~/engine/shell';

/** What a Python project's .dockerignore must keep out, each with paths that prove it and the pattern to add. */
const ENTRIES: Array<{ name: string; paths: string[][]; pattern: string; topLevel?: string }> = [
  { name: '.git', paths: [['.git/HEAD']], pattern: '.git' },
  { name: '.venv/venv', paths: [['.venv/bin/python'], ['venv/bin/python']], pattern: '**/.venv' },
  { name: '__pycache__', paths: [['app/__pycache__/main.cpython-312.pyc', '__pycache__/main.cpython-312.pyc']], pattern: '**/__pycache__', topLevel: '__pycache__/main.cpython-312.pyc' },
  { name: '*.pyc', paths: [['app/main.pyc']], pattern: '**/*.pyc', topLevel: 'main.pyc' },
  { name: '.env', paths: [['.env']], pattern: '.env' },
];

export default defineRule({
  name: 'dockerignore-missing-entries',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require the `.dockerignore` of a Python project to exclude `.git`, virtualenvs, bytecode and `.env`',
    category: 'context',
    scope: 'file',
    messages: {
      missing: 'The whole build context is copied, but `.dockerignore` does not exclude {{entries}}: they end up in the image (secrets in `.env`, a host virtualenv that breaks imports, stale bytecode). Add {{patterns}}.',
      missingAnchored: 'The whole build context is copied, but `.dockerignore` does not exclude {{entries}}: they end up in the image (secrets in `.env`, a host virtualenv that breaks imports, stale bytecode). Add {{patterns}}. Unlike in .gitignore, a pattern without `**/` matches only at the top of the context, so the entries {{anchored}} miss every subdirectory.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        const text = context.options.dockerignore;
        if (typeof text !== 'string') return;
        let source: Word | null = null;
        for (const instr of model.instructions) {
          const args = copyArgs(model, instr);
          source = args ? copiesWholeContext(args) : null;
          if (source) break;
        }
        if (!source) return;
        const ignored = dockerignoreMatcher(text);
        // An entry is covered when, for one of its alternatives, every probe path is ignored.
        const missing = ENTRIES.filter((e) => !e.paths.some((alt) => alt.every((p) => ignored(p))));
        if (!missing.length) return;
        // The common near miss: `*.pyc` or `__pycache__` written as in .gitignore, which matches only at the top.
        const anchored = missing.filter((m) => m.topLevel !== undefined && ignored(m.topLevel));
        context.report({
          messageId: anchored.length ? 'missingAnchored' : 'missing',
          data: { entries: missing.map((m) => `\`${m.name}\``).join(', '), patterns: missing.map((m) => `\`${m.pattern}\``).join(', '),
            anchored: anchored.map((m) => `\`${m.name}\``).join(' and ') },
          range: { start: source.start, end: source.end },
        });
      },
    };
  },
});
