import { copyArgs, fromStage } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';

/** Directories the source stage created as virtualenvs (`python -m venv X`, `uv venv X`, `virtualenv X`). */
function venvDirs(model: DockerfileModel, stage: Stage): string[] {
  const dirs: string[] = [];
  for (const s of model.lineage(stage)) {
    for (const instr of s.instructions) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const c of model.commands(instr)) {
        const words = c.args.map((a) => a.value);
        let target: string | undefined;
        if (/^python(\d+(\.\d+)?)?$/.test(c.name) && words[0] === '-m' && (words[1] === 'venv' || words[1] === 'virtualenv')) target = words.slice(2).find((w) => !w.startsWith('-'));
        else if (c.name === 'uv' && words[0] === 'venv') target = words.slice(1).find((w) => !w.startsWith('-')) ?? '.venv';
        else if (c.name === 'virtualenv') target = words.find((w) => !w.startsWith('-'));
        if (target) dirs.push(target.replace(/\/+$/, ''));
      }
    }
  }
  return dirs;
}

export default defineRule({
  name: 'stage-python-mismatch',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow copying Python-version-specific files between stages with different Python versions',
    category: 'multi-stage',
    scope: 'all-stages',
    messages: {
      versions: '`{{path}}` is copied from stage `{{from}}` (Python {{source}}) into a stage on Python {{target}}: packages built for {{source}} are not importable by {{target}}. Use the same Python minor version in both stages.',
      pathVersion: '`{{path}}` belongs to Python {{pathVersion}}, but this stage runs Python {{target}}: the interpreter will not look there. Build and copy for Python {{target}}.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      COPY(copy, stage) {
        const args = copyArgs(model, copy);
        if (!args?.from) return;
        const src = fromStage(model, args.from, stage);
        if (!src) return;
        const source = model.baseImage(src)?.python?.minorVersion ?? null;
        const target = model.baseImage(stage)?.python?.minorVersion ?? null;
        const venvs = venvDirs(model, src);
        for (const s of args.sources) {
          const path = s.value.replace(/\/+$/, '');
          const pathVersion = /python(\d+\.\d+)/.exec(path)?.[1] ?? null;
          const isVenv = venvs.some((v) => path === v || path.startsWith(`${v}/`) || (!v.startsWith('/') && path.endsWith(`/${v}`))) || /(^|\/)\.?venv(\/|$)/.test(path);
          if (!pathVersion && !isVenv) continue;
          const range = { start: s.start, end: s.end };
          if (target && pathVersion && pathVersion !== target) {
            context.report({ messageId: 'pathVersion', data: { path: s.value, pathVersion, target }, range });
          } else if (source && target && source !== target) {
            context.report({ messageId: 'versions', data: { path: s.value, from: args.from, source, target }, range });
          }
        }
      },
    };
  },
});
