import { copyArgs, fromStage } from '~/engine/copy';
import { pipInstall, pythonModule, truthy, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { parseImageRef, pythonVersionOf } from '~/engine/image';
import type { DockerfileModel, Stage } from '~/engine/model';
import { hasFlag, optionValue } from '~/engine/shell';
import { joinPath, workdirAt } from '~/engine/workdir';

/**
 * Directories the source stage created as virtualenvs: `python -m venv X`, `uv venv X`,
 * `virtualenv X`, and the project environment of `uv sync`, `pdm install` and, when told to keep it
 * in the project, `poetry install` and `pipenv install` (`.venv` in the working directory).
 */
function venvDirs(model: DockerfileModel, stage: Stage): string[] {
  const dirs: string[] = [];
  let poetryInProject = false;
  for (const s of model.lineage(stage).reverse()) {
    for (const instr of s.instructions) {
      if (instr.getKeyword() !== 'RUN') continue;
      const envOn = (name: string) => truthy(model.envValue(s, name, instr)?.value);
      for (const c of model.commands(instr)) {
        const words = c.args.map((a) => a.value);
        const module = /^python(\d+(\.\d+)?)?$/.test(c.name) ? pythonModule(c.args) : null;
        let target: string | undefined;
        if (module && (module.name === 'venv' || module.name === 'virtualenv')) target = words.slice(module.next).find((w) => !w.startsWith('-'));
        else if (c.name === 'uv' && words[0] === 'venv') target = words.slice(1).find((w) => !w.startsWith('-')) ?? '.venv';
        else if (c.name === 'virtualenv') target = words.find((w) => !w.startsWith('-'));
        else if (c.name === 'uv' && uvInstall(c)?.sub.value === 'sync') target = model.envValue(s, 'UV_PROJECT_ENVIRONMENT', instr)?.value || '.venv';
        else if (c.name === 'pdm' && words.some((w) => w === 'install' || w === 'sync')) target = '.venv';
        else if (c.name === 'poetry' && words[0] === 'config' && words.includes('virtualenvs.in-project')) poetryInProject = truthy(words[words.indexOf('virtualenvs.in-project') + 1]);
        else if (c.name === 'poetry' && words.some((w) => w === 'install' || w === 'sync') && (poetryInProject || envOn('POETRY_VIRTUALENVS_IN_PROJECT'))) target = '.venv';
        else if (c.name === 'pipenv' && words.some((w) => w === 'install' || w === 'sync') && envOn('PIPENV_VENV_IN_PROJECT')) target = '.venv';
        if (!target) continue;
        // `python -m venv $VIRTUAL_ENV`: the directory the stage's ARG and ENV values name; a relative one lies in the working directory.
        const dir = model.resolveInStage(target, s, instr).replace(/\/+$/, '');
        const workdir = dir.startsWith('/') ? null : workdirAt(model, s, instr);
        dirs.push(workdir !== null ? joinPath(workdir, dir) : dir);
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

/**
 * The trees `pip install --prefix=/install` (packages in /install/lib/python3.X/site-packages),
 * `pip install --root=/install` (/install/usr/local/lib/python3.X/…) and `pip install --target=/app`
 * (packages, compiled for that Python, right in /app) fill in the stage or a parent, with pip or
 * `uv pip install`: absolute, with the stage's ARG and ENV values expanded.
 */
function installTrees(model: DockerfileModel, stage: Stage): string[] {
  const dirs: string[] = [];
  for (const s of model.lineage(stage)) {
    for (const instr of s.instructions) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const c of model.commands(instr)) {
        const uv = uvInstall(c);
        const uvPip = uv && uv.sub.value === 'install' && uv.command.args[uv.command.args.indexOf(uv.sub) - 1]?.value === 'pip' ? uv.args : null;
        const args = pipInstall(c)?.args ?? uvPip;
        const value = args && optionValue(args, ['--prefix', '--root', '--target', '-t'])?.value;
        if (!value) continue;
        const dir = model.resolveInStage(value, s, instr).replace(/\/+$/, '');
        const workdir = dir.startsWith('/') ? null : workdirAt(model, s, instr);
        const abs = workdir !== null ? joinPath(workdir, dir) : dir;
        if (abs.startsWith('/') && abs !== '/') dirs.push(abs);
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
      venvInside: '`{{path}}` holds the virtualenv `{{venv}}`, made in `{{from}}` on Python {{source}}, but this stage runs Python {{target}}: its packages are not importable and its `python` link points to an interpreter this stage does not have. Use the same Python minor version in both stages.',
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
        const source = pythonVersionOf(src ? model.baseImage(src) : image)?.minor ?? null;
        const target = pythonVersionOf(model.baseImage(stage))?.minor ?? null;
        if (!source && !target) return;
        const venvs = src ? venvDirs(model, src) : [];
        const userSite = src ? installsForUser(model, src) : false;
        const trees = src ? installTrees(model, src) : [];
        // An image (`--from=python:3.9-slim`), or a stage that only names one: nothing was installed there, so its whole
        // `/usr/local` is an interpreter with its own standard library, put into this image on purpose (a CI image
        // with several Pythons), not packages built for another version.
        const pristine = !src || model.lineage(src).every((st) => st.instructions.every((i) => !/^(RUN|COPY|ADD)$/.test(i.getKeyword())));
        for (const s of args.sources) {
          // BuildKit expands the stage's ARG and ENV in the source path (`COPY --from=builder ${VENV} ${VENV}`).
          const path = model.resolveInStage(s.value, stage, copy).replace(/\/+$/, '') || '/';
          // A `--from` source path is relative to the root of that stage.
          const abs = joinPath('/', path);
          const pathVersion = /python(\d+\.\d+)/.exec(path)?.[1] ?? null;
          const isVenv = venvs.some((v) => path === v || path.startsWith(`${v}/`) || (!v.startsWith('/') && path.endsWith(`/${v}`))) || /(^|\/)\.?venv(\/|$)/.test(path);
          // A directory that holds a virtualenv (`COPY --from=builder /app /app` after `uv sync` in /app).
          const holds = isVenv ? undefined : venvs.find((v) => v.startsWith('/') && abs !== v && (abs === '/' || v.startsWith(`${abs}/`)));
          // `pip install --user` puts packages under ~/.local/lib/python3.X/site-packages.
          const isUserSite = userSite && /(^|\/)\.local(\/lib)?$/.test(path);
          // The install prefix, which holds lib/python3.X.
          const isPrefix = /^\/usr\/local(\/lib)?$/.test(abs) && !(pristine && abs === '/usr/local');
          // A `pip install --prefix`/`--root`/`--target` tree, a directory in it, or one that holds it.
          const isTree = trees.some((t) => abs === t || abs.startsWith(`${t}/`) || abs === '/' || t.startsWith(`${abs}/`));
          if (!pathVersion && !isVenv && !holds && !isUserSite && !isPrefix && !isTree) continue;
          const range = { start: s.start, end: s.end };
          if (target && pathVersion && pathVersion !== target) {
            context.report({ messageId: 'pathVersion', data: { path: s.value, pathVersion, target }, range });
          } else if (source && target && source !== target) {
            if (holds) context.report({ messageId: 'venvInside', data: { path: s.value, venv: holds, from: args.from, source, target }, range });
            else context.report({ messageId: 'versions', data: { path: s.value, from: args.from, source, target }, range });
          }
        }
      },
    };
  },
});
