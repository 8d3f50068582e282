import { inlineEnv, pipInstall, pythonModule, truthy, uvInstall } from '~/engine/commands';
import { copyArgs, fromStage } from '~/engine/copy';
import { buildVar, isOn } from '~/engine/build-env';
import { defineRule } from '~/engine/define-rule';
import { misspelledEnvReport, pythonOption, runtimeCommands } from '~/engine/runtime';
import { hasFlag, type Command } from '~/engine/shell';

export default defineRule({
  name: 'python-dont-write-bytecode',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest either compiling bytecode at build time or setting `PYTHONDONTWRITEBYTECODE` in the final Python stage',
    category: 'runtime',
    scope: 'final-stage',
    fixable: 'safe',
    messages: {
      runtimeWrites: 'Python will write `.pyc` files into the container at run time (into the writable layer, or fail silently for a non-root user). Compile at build time (`python -m compileall`, `UV_COMPILE_BYTECODE=1`) for faster starts, or set `ENV PYTHONDONTWRITEBYTECODE=1`.',
      misspelled: '`{{name}}` is not a variable Python reads, so Python still writes `.pyc` files into the container at run time. Rename it to `PYTHONDONTWRITEBYTECODE`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      'Dockerfile:exit'() {
        const stage = model.finalStage;
        if (!stage || !model.isPythonStage(stage)) return;
        const env = model.envValue(stage, 'PYTHONDONTWRITEBYTECODE');
        if (env && env.value !== '') return;
        if (truthy(model.envValue(stage, 'UV_COMPILE_BYTECODE')?.value)) return;
        // `CMD ["python", "-B", …]`: the interpreter's own switch for the same thing.
        if (runtimeCommands(model, stage).some((r) => pythonOption(r.command, 'B'))) return;
        // Stages whose files ship: the final stage's lineage and the stages it copies from.
        const shipped = new Set(model.lineage(stage));
        for (const s of model.lineage(stage)) {
          for (const instr of s.instructions) {
            const from = instr.getKeyword() === 'COPY' ? copyArgs(model, instr)?.from : null;
            const src = from ? fromStage(model, from, s) : null;
            if (src) for (const l of model.lineage(src)) shipped.add(l);
          }
        }
        for (const s of shipped) {
          if (s !== stage && truthy(model.envValue(s, 'UV_COMPILE_BYTECODE')?.value)) return;
          for (const instr of s.instructions) {
            if (instr.getKeyword() !== 'RUN') continue;
            const cmds = model.commands(instr);
            for (const c of cmds) {
              if (/^python(\d+(\.\d+)?)?$/.test(c.name) && (pythonModule(c.args)?.name === 'compileall' || compilesInScript(c))) return;
              if (truthy(inlineEnv(c, 'UV_COMPILE_BYTECODE'))) return;
              const uv = uvInstall(c);
              // UV_COMPILE_BYTECODE as an ARG, an `export`, or an ENV of a parent stage.
              if (uv && isOn(buildVar(model, s, 'UV_COMPILE_BYTECODE', instr, c, cmds))) return;
              if ((uv || pipInstall(c) || poetryInstall(c)) && hasFlag(c.args, ['--compile-bytecode', '--compile'])) return;
            }
          }
        }
        // `ENV PYTHONDONTWITEBYTECODE=1`: the author meant to set it; point at the typo and rename it.
        const typo = env ? null : misspelledEnvReport(model, stage, 'PYTHONDONTWRITEBYTECODE', 'misspelled');
        if (typo) {
          context.report(typo);
          return;
        }
        const from = stage.from;
        const insertAt = model.lines.lineEnd(model.offsets(from.getRange()).end);
        const needsBreak = insertAt === model.text.length && !/[\r\n]$/.test(model.text);
        // An empty `ENV PYTHONDONTWRITEBYTECODE=` later in this stage would override the added line: no fix then.
        const overridden = env?.stage === stage;
        context.report({
          messageId: 'runtimeWrites',
          range: from.getImageRange() ?? from.getRange(),
          fix: overridden ? undefined : { title: 'Add `ENV PYTHONDONTWRITEBYTECODE=1` after the final FROM', edits: [{ start: insertAt, end: insertAt, text: `${needsBreak ? '\n' : ''}ENV PYTHONDONTWRITEBYTECODE=1\n` }] },
        });
      },
    };
  },
});

/** `poetry install` / `poetry sync` (Poetry 2 compiles with `--compile`). */
function poetryInstall(c: Command): boolean {
  if (c.name !== 'poetry') return false;
  const sub = c.args.find((a) => !a.value.startsWith('-'));
  return sub?.value === 'install' || sub?.value === 'sync';
}

/** `python -c "import compileall; compileall.compile_dir('/app')"`: compileall called from a `-c` script. */
function compilesInScript(c: Command): boolean {
  const i = c.args.findIndex((a) => /^-[A-Za-z]*c$/.test(a.value));
  const script = i >= 0 ? c.args[i + 1]?.value ?? '' : '';
  return /\bcompileall\.compile_(dir|file|path)\s*\(/.test(script) || /\bfrom\s+compileall\s+import\b/.test(script);
}
