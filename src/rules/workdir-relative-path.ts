import type { Workdir } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { unquote } from '~/engine/shell';

/** `/app`, `C:\app`, `C:/app`, `\app`: absolute on Linux or Windows. */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Joins and normalizes POSIX paths: `/app` + `./src/../lib` → `/app/lib`. */
function joinPath(base: string, rel: string): string {
  const parts: string[] = [];
  for (const p of `${base}/${rel}`.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop(); else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/**
 * The working directory in effect before `instr`, from the WORKDIRs of the stage and its parents:
 * null when it depends on the base image; `literal` is false when a variable took part (a build
 * argument can change it, so the path cannot be written out).
 */
function workdirBefore(model: DockerfileModel, stage: Stage, instr: Workdir): { path: string | null; literal: boolean; set: boolean } {
  const chain = model.lineage(stage).reverse();
  let path: string | null = model.baseImage(stage)?.isScratch ? '/' : null;
  let literal = true;
  let set = false;
  for (const s of chain) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, instr)) break;
      if (i.getKeyword() !== 'WORKDIR') continue;
      const raw = unquote((i as Workdir).getPath() ?? '');
      if (!raw) continue;
      set = true;
      const value = raw.includes('$') ? model.resolveInStage(raw, s, i) : raw;
      if (raw.includes('$')) literal = false;
      if (value.includes('$')) { path = null; continue; }
      if (isAbsolute(value)) path = value.startsWith('/') ? joinPath('/', value) : null;
      else if (path !== null) path = joinPath(path, value);
    }
  }
  return { path, literal, set };
}

export default defineRule({
  name: 'workdir-relative-path',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `WORKDIR` to be an absolute path',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3000', 'buildkit:WorkdirRelativePath', 'trivy:DS-0009', 'checkov:CKV_DOCKER_10'],
    messages: {
      relativeToBase: '`WORKDIR {{path}}` is relative to the working directory of the base image, which this Dockerfile never sets and which can change when the base image is updated. Use an absolute path (for example `{{example}}` if the base image works from `/`).',
      tilde: '`WORKDIR {{path}}` does not lead to a home directory: Docker does not expand `~`, so this creates a directory literally named `~` in {{where}}. Write the absolute path you mean, such as `/root/{{rest}}` or `/home/<user>/{{rest}}`.',
      relativeToRoot: '`WORKDIR {{path}}` is relative: it resolves to `{{resolved}}` only because a `scratch` stage starts in `/`. Write the absolute path `{{resolved}}`.',
      relativeToEarlier: '`WORKDIR {{path}}` is relative: it resolves to `{{resolved}}` only because of the `WORKDIR` instructions before it. Write the absolute path `{{resolved}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      WORKDIR(node, stage) {
        const range = node.getArgumentsRange();
        const raw = unquote(node.getPath() ?? '');
        if (!range || !raw) return;
        const value = raw.includes('$') ? model.resolveInStage(raw, stage, node) : raw;
        // A variable that stays unresolved may hold an absolute path (`WORKDIR $HOME/app`).
        if (value.includes('$') || isAbsolute(value)) return;
        const before = context.inOnbuild ? { path: null, literal: false, set: false } : workdirBefore(model, stage, node);
        // `WORKDIR ~/app`: meant as the home directory, which Docker never substitutes.
        if (/^~(\/|$)/.test(raw)) {
          const where = before.path === null ? 'the working directory of the base image' : `\`${before.path}\` (\`${joinPath(before.path, value)}\`)`;
          context.report({ messageId: 'tilde', data: { path: raw, where, rest: raw.replace(/^~\/?/, '') || 'app' }, range });
          return;
        }
        if (before.path === null) {
          // `WORKDIR .` (seen in the wild) is `/` there, not `/.`; `./src/../lib` is `/lib`.
          context.report({ messageId: 'relativeToBase', data: { path: raw, example: joinPath('/', value) }, range });
          return;
        }
        const resolved = joinPath(before.path, value);
        const literal = before.literal && !raw.includes('$');
        const text = /\s/.test(resolved) ? JSON.stringify(resolved) : resolved;
        context.report({
          messageId: before.set ? 'relativeToEarlier' : 'relativeToRoot',
          data: { path: raw, resolved },
          range,
          ...(literal ? { fix: { title: `Write the absolute path \`${resolved}\``, edits: [{ ...model.offsets(range), text }] } } : {}),
        });
      },
    };
  },
});
