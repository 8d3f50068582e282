import { copyArgs, fromStage } from '~/engine/copy';
import { pipInstall, pythonModule } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { parseImageRef } from '~/engine/image';
import type { DockerfileModel, Stage } from '~/engine/model';
import { hasFlag } from '~/engine/shell';

/** Directories the source stage created as virtualenvs (`python -m venv X`, `uv venv X`, `virtualenv X`). */
function venvDirs(model: DockerfileModel, stage: Stage): string[] {
  const dirs: string[] = [];
  for (const s of model.lineage(stage)) {
    for (const instr of s.instructions) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const c of model.commands(instr)) {
        const words = c.args.map((a) => a.value);
        const module = /^python(\d+(\.\d+)?)?$/.test(c.name) ? pythonModule(c.args) : null;
        let target: string | undefined;
        if (module && (module.name === 'venv' || module.name === 'virtualenv')) target = words.slice(module.next).find((w) => !w.startsWith('-'));
        else if (c.name === 'uv' && words[0] === 'venv') target = words.slice(1).find((w) => !w.startsWith('-')) ?? '.venv';
        else if (c.name === 'virtualenv') target = words.find((w) => !w.startsWith('-'));
        // `python -m venv $VIRTUAL_ENV`: the directory the stage's ARG and ENV values name.
        if (target) dirs.push(model.resolveInStage(target, s, instr).replace(/\/+$/, ''));
      }
    }
  }
  return dirs;
}

/** Whether the stage (or a parent) runs `pip install --user`, filling ~/.local with packages for its Python. */
function installsForUser(model: DockerfileModel, stage: Stage): boolean {
  return model.lineage(stage).some((s) => s.instructions.some((instr) => instr.getKeyword() === 'RUN'
    && model.commands(instr).some((c) => !!pipInstall(c) && !!hasFlag(c.args, ['--user']))));
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
      versions: '`{{path}}` is copied from `{{from}}` (Python {{source}}) into a stage on Python {{target}}: packages built for {{source}} are not importable by {{target}}. Use the same Python minor version in both stages.',
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
        // `--from=python:3.11-slim`: an image, whose tag may carry its Python version.
        const image = src ? null : parseImageRef(model.resolveInStage(args.from, stage, copy), new Date(model.today));
        const source = (src ? model.baseImage(src) : image)?.python?.minorVersion ?? null;
        const target = model.baseImage(stage)?.python?.minorVersion ?? null;
        const venvs = src ? venvDirs(model, src) : [];
        const userSite = src ? installsForUser(model, src) : false;
        for (const s of args.sources) {
          const path = s.value.replace(/\/+$/, '');
          const pathVersion = /python(\d+\.\d+)/.exec(path)?.[1] ?? null;
          const isVenv = venvs.some((v) => path === v || path.startsWith(`${v}/`) || (!v.startsWith('/') && path.endsWith(`/${v}`))) || /(^|\/)\.?venv(\/|$)/.test(path);
          // `pip install --user` puts packages under ~/.local/lib/python3.X/site-packages.
          const isUserSite = userSite && /(^|\/)\.local(\/lib)?$/.test(path);
          if (!pathVersion && !isVenv && !isUserSite) continue;
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
