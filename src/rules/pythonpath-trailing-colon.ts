import type { Arg, Instruction } from 'dockerfile-ast';
import { buildVar } from '~/engine/build-env';
import { defineRule } from '~/engine/define-rule';
import type { ImageRef } from '~/engine/image';

const SELF = /\$(PYTHONPATH(?![A-Za-z0-9_])|\{PYTHONPATH(?::?[-+][^}]*)?\})/;
const SELF_ALL = new RegExp(SELF.source, 'g');

/** Where a `PYTHONPATH` value has an empty entry, as words for the message, or null when it has none. */
function emptyEntry(value: string): string | null {
  if (!value.includes(':')) return null;
  if (value.startsWith(':')) return 'starts with an empty entry';
  if (value.endsWith(':')) return 'ends in an empty entry';
  if (value.includes('::')) return 'has an empty entry between two `:`';
  return null;
}

/**
 * Base images known not to set `PYTHONPATH`: Docker's official images (`python`, `debian`, `ubuntu`,
 * `alpine`, …), scratch, distroless, Chainguard, uv's images, conda and micromamba, CUDA, PyTorch,
 * TensorFlow and Red Hat UBI. Any other base may set it (`tiangolo/uvicorn-gunicorn` sets `/app`), so
 * an unset `$PYTHONPATH` cannot be told from an inherited one.
 */
const CLEAN_BASES = /^(distroless\/.*|chainguard\/.*|astral-sh\/uv|continuumio\/[a-z0-9-]+|condaforge\/[a-z0-9-]+|mambaorg\/micromamba|mamba-org\/micromamba|nvidia\/cuda|pytorch\/pytorch|tensorflow\/tensorflow|ubi\d+(\/ubi[a-z-]*)?)$/;
function knownWithoutPythonpath(base: ImageRef | null): boolean {
  if (!base) return false;
  if (base.isScratch) return true;
  if (base.path.includes('$')) return false;
  const path = base.path.toLowerCase();
  // Docker Hub's official images have no namespace; elsewhere the registry says whose image it is.
  if (!path.includes('/') || path.startsWith('library/')) return base.registry === null || base.registry === 'docker.io' || base.registry === 'index.docker.io';
  return CLEAN_BASES.test(path);
}

export default defineRule({
  name: 'pythonpath-trailing-colon',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow an empty entry in `PYTHONPATH`, which puts the working directory on `sys.path`',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'safe',
    messages: {
      unset: '`$PYTHONPATH` is empty here (it was never set), so this value {{where}}, which Python reads as the current directory: whatever is in the working directory shadows installed packages. Drop the reference to `$PYTHONPATH`.',
      emptyEntry: '`PYTHONPATH` {{where}} (a leading, trailing or doubled `:`), which Python reads as the current directory. Remove it.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      ENV(env, stage) {
        for (const p of env.getProperties()) {
          if (p.getName() !== 'PYTHONPATH') continue;
          const value = p.getValue() ?? '';
          const valueRange = p.getValueRange();
          if (!valueRange) continue;
          const { start, end } = model.offsets(valueRange);
          const raw = context.text.slice(start, end);
          const ref = SELF.exec(value);
          if (ref) {
            // Set earlier: by ENV in the stage or a parent, or by an ARG of the stage (with a default, or a global one).
            const before = buildVar(model, stage, 'PYTHONPATH', env);
            if (before && before.value !== '') continue;
            // `ARG PYTHONPATH` without a default: the value comes with `--build-arg`, unknown here.
            if (!before && declaredArg(stage.instructions, env)) continue;
            // A base image of unknown content may set PYTHONPATH itself (`tiangolo/uvicorn-gunicorn` does).
            if (!before && !knownWithoutPythonpath(model.baseImage(stage))) continue;
            // `${PYTHONPATH:+:$PYTHONPATH}` and `${PYTHONPATH:-/x}` handle the unset case; `${PYTHONPATH:-}` does not.
            if (/\$\{PYTHONPATH(:?\+|:?-[^}])/.test(value)) continue;
            const where = emptyEntry(value.replace(SELF_ALL, ''));
            if (!where) continue;
            // The fix removes `:$PYTHONPATH` (or `$PYTHONPATH:`) as written.
            const m = /:(\$PYTHONPATH(?![A-Za-z0-9_])|\$\{PYTHONPATH(:?-)?\})|(\$PYTHONPATH(?![A-Za-z0-9_])|\$\{PYTHONPATH(:?-)?\}):/.exec(raw);
            context.report({
              messageId: 'unset',
              data: { where },
              range: { start, end },
              ...(m ? { fix: { title: 'Remove the reference to the unset `$PYTHONPATH`', edits: [{ start: start + m.index, end: start + m.index + m[0].length, text: '' }] } } : {}),
            });
            continue;
          }
          const where = emptyEntry(value);
          if (where) context.report({ messageId: 'emptyEntry', data: { where }, range: { start, end } });
        }
      },
    };

    /** Whether an `ARG PYTHONPATH` comes before `instr` in the stage. */
    function declaredArg(instructions: readonly Instruction[], instr: Instruction): boolean {
      for (const i of instructions) {
        if (i === instr || !model.isBefore(i, instr)) break;
        if (i.getKeyword() === 'ARG' && (i as Arg).getProperties().some((p) => p.getName() === 'PYTHONPATH')) return true;
      }
      return false;
    }
  },
});
