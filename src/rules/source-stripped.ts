import type { Instruction } from 'dockerfile-ast';
import { pythonModule } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import type { Command } from '~/engine/shell';

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
      cacheOnly: 'This deletes the `.py` sources, but `compileall` ran without `-b`: its `.pyc` files are in `__pycache__`, which Python ignores once the source is gone, so these modules can no longer be imported. Keep the sources, or compile with `compileall -b` (and accept the costs of shipping bytecode only).',
    },
  },
  create(context) {
    const { model } = context;
    const kindsBefore = compiledBefore(model);
    return {
      RUN(run) {
        let previousFindsPy = false;
        // What `compileall` wrote earlier in this RUN: legacy `.pyc` beside the sources (`-b`), or only `__pycache__`.
        // The earlier RUNs are read only when a deletion is found, so a long file stays linear.
        const compiled = new Set<CompileKind>();
        for (const c of model.commands(run)) {
          const compile = compileallKind(c);
          if (compile) compiled.add(compile);
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
          // `compileall .` then `find . -name '*.py' -delete`: nothing importable is left.
          for (const kind of kindsBefore(run)) compiled.add(kind);
          const messageId = compiled.has('cache') && !compiled.has('legacy') && !compiled.has('unknown') ? 'cacheOnly' : 'stripped';
          context.report({ messageId, range: { start: c.start, end: c.end } });
        }
      },
    };
  },
});

type CompileKind = 'legacy' | 'cache' | 'unknown';

/**
 * `python -m compileall -b …` writes legacy `.pyc` files next to the sources, which Python imports
 * when the source is missing; without `-b` they go to `__pycache__`, which it then ignores. A
 * `compileall` called from `python -c` is not read (`unknown`); null when `c` is not compileall.
 */
function compileallKind(c: Command): CompileKind | null {
  if (!/^(python|pypy)(\d+(\.\d+)?)?$/.test(c.name)) return null;
  const module = pythonModule(c.args);
  if (module?.name === 'compileall') {
    // `-b` alone or in a cluster of compileall's flags that take no value (`-qb`, `-bfq`).
    return c.args.slice(module.next).some((a) => /^-[lfqb]*b[lfqb]*$/.test(a.value)) ? 'legacy' : 'cache';
  }
  return c.args.some((a) => /\bcompileall\b/.test(a.value)) ? 'unknown' : null;
}

/**
 * The kinds of `compileall` run by the `RUN`s before a `RUN` in its stage and the stages it is built
 * FROM. Each stage is read once, the first time one of its RUNs deletes sources, so a file of many
 * RUNs stays linear.
 */
function compiledBefore(model: DockerfileModel): (run: Instruction) => Set<CompileKind> {
  const beforeRun = new Map<Instruction, Set<CompileKind>>();
  const atEnd = new Map<Stage, Set<CompileKind>>();
  const read = (stage: Stage): Set<CompileKind> => {
    const done = atEnd.get(stage);
    if (done) return done;
    const kinds = new Set<CompileKind>();
    atEnd.set(stage, kinds); // a parent cycle reads as empty
    const parent = stage.parent && stage.parent !== stage ? read(stage.parent) : null;
    if (parent) for (const k of parent) kinds.add(k);
    for (const instr of stage.instructions) {
      if (instr.getKeyword() !== 'RUN') continue;
      beforeRun.set(instr, new Set(kinds));
      for (const c of model.commands(instr)) {
        const kind = compileallKind(c);
        if (kind) kinds.add(kind);
      }
    }
    return kinds;
  };
  return (run) => {
    const stage = model.stageOf(run);
    if (stage) read(stage);
    return beforeRun.get(run) ?? new Set();
  };
}
