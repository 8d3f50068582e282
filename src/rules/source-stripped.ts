import { defineRule } from '~/engine/define-rule';

/** A path inside a test suite (`tests/`, `/app/test`, `./tests/*.py`). */
const TESTS = /(^|\/)tests?(\/|$)/;

export default defineRule({
  name: 'source-stripped',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Flag deleting `.py` sources after compiling them to bytecode',
    category: 'runtime',
    scope: 'all-stages',
    messages: {
      stripped: 'This deletes the `.py` sources and keeps only bytecode: tracebacks lose their source lines, the `.pyc` files work only with this exact Python minor version, and it protects nothing (bytecode decompiles). Keep the sources, or accept those costs knowingly.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        let previousFindsPy = false;
        for (const c of model.commands(run)) {
          const words = c.args.map((a) => a.value);
          // The paths find searches: the words before its first expression (`-name`, `(`, `!`).
          const roots = words.slice(0, Math.max(0, words.findIndex((w) => /^[-(!]/.test(w))));
          const namesPy = c.name === 'find' && !/^\/(var\/)?tmp(\/|$)/.test(words[0] ?? '')
            // `find /app/tests -name '*.py' -delete`: only the test suite goes.
            && !(roots.length > 0 && roots.every((w) => TESTS.test(w)))
            && words.some((w, i) => (words[i - 1] === '-name' && w === '*.py') || (words[i - 1] === '-iname' && /^\*\.py$/i.test(w)))
            // `-path '*/tests/*'` (not pruned or or-ed away): only test modules go, not the sources the application runs.
            && (words.some((w) => w === '-prune' || w === '-o' || w === '-or')
              || !words.some((w, i) => /^-i?(path|wholename)$/.test(words[i - 1] ?? '') && /tests?\b/i.test(w)));
          const deletes = words.includes('-delete') || (words.includes('-exec') && words.some((w) => /(^|\/)rm$/.test(w)));
          // Scripts downloaded to a temporary directory (`rm /tmp/*.py`) are not the application's sources.
          const rmPy = c.name === 'rm' && c.args.some((a) => /(^|\/)(\*\*\/)?\*\.py$/.test(a.value) && !/^\/(var\/)?tmp\//.test(a.value) && !TESTS.test(a.value));
          const pipedRm = previousFindsPy && c.joinedBy === '|' && c.name === 'rm';
          previousFindsPy = namesPy;
          if (!(namesPy && deletes) && !rmPy && !pipedRm) continue;
          context.report({ messageId: 'stripped', range: { start: c.start, end: c.end } });
        }
      },
    };
  },
});
