import type { Instruction } from 'dockerfile-ast';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import { dockerignoreMatcher } from '~/engine/dockerignore';
import type { Stage } from '~/engine/model';
import { unquote } from '~/engine/shell';

/** A source path as the build context sees it: `./app/`, `/app` and `app` are all `app`. */
function contextPath(source: string): string {
  const parts: string[] = [];
  for (const p of source.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop(); else parts.push(p);
  }
  return parts.join('/');
}

/** The part of a pattern before its first wildcard: `src/**\/*.py` → `src/`. */
function staticPrefix(pattern: string): string {
  const i = pattern.search(/[*?[\\]/);
  return i < 0 ? pattern : pattern.slice(0, i);
}

export default defineRule({
  name: 'copy-ignored-file',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `COPY` and `ADD` of paths that `.dockerignore` keeps out of the build context',
    category: 'context',
    scope: 'all-stages',
    sources: ['buildkit:CopyIgnoredFile'],
    // A trigger copies from the build context of the image that uses this one.
    onbuild: false,
    messages: {
      ignored: '{{source}} is excluded by the `.dockerignore` pattern `{{pattern}}`, so it is not in the build context: this `{{keyword}}` fails with "not found" (or copies nothing from it). Remove the pattern from `.dockerignore` (or add `!{{path}}` after it) if the image needs it, otherwise stop copying it.',
    },
  },
  create(context) {
    const { model } = context;
    const text = context.options.dockerignore;
    if (typeof text !== 'string') return {};
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const ignored = dockerignoreMatcher(text);
    const patterns = lines.filter((l) => !l.startsWith('!'));
    const exceptions = lines.filter((l) => l.startsWith('!')).map((l) => contextPath(l.slice(1).trim()));
    /** An exception may bring back something inside `path`, so copying `path` is not pointless. */
    const reincluded = (path: string) => exceptions.some((e) => {
      const prefix = staticPrefix(e);
      return e.startsWith(`${path}/`) || prefix === '' || `${path}/`.startsWith(prefix) || prefix.startsWith(`${path}/`);
    });
    const check = (node: Instruction, stage: Stage) => {
      const args = copyArgs(model, node);
      // `--from` copies from another stage or image, not from the context.
      if (!args || args.from) return;
      for (const s of args.sources) {
        const written = unquote(s.value);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.startsWith('git@')) continue;
        const value = written.includes('$') ? model.resolveInStage(written, stage, node) : written;
        if (value.includes('$')) continue;
        const path = contextPath(value);
        const shown = s.raw.replace(/^(['"])([\s\S]*)\1$/, '$2');
        if (!path || !ignored(path) || reincluded(path)) continue;
        // `COPY *.md` with `*.md` and `!README.md`: a wildcard source may match what an exception keeps.
        if (/[*?[]/.test(path) && exceptions.length) continue;
        // The pattern that excludes it: the last one that matches on its own.
        const pattern = [...patterns].reverse().find((p) => dockerignoreMatcher(p)(path)) ?? patterns[patterns.length - 1] ?? '';
        context.report({ messageId: 'ignored', data: { source: value === written ? `\`${shown}\`` : `\`${shown}\` (\`${value}\`)`, pattern, keyword: args.keyword, path }, range: { start: s.start, end: s.end } });
      }
    };
    return { COPY: check, ADD: check };
  },
});
