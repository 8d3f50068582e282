import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import { unquote } from '~/engine/shell';

/** `/`, `/.`, `//`, `/./`: the root directory. */
function isRoot(path: string): boolean {
  return /^\/(\.?\/*)*$/.test(path) && !path.includes('..');
}

export default defineRule({
  name: 'copy-entire-stage-filesystem',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow copying the whole root filesystem of another stage or image with `COPY --from=… / /`',
    category: 'multi-stage',
    scope: 'all-stages',
    sources: ['hadolint:DL3067'],
    messages: {
      wholeFilesystem: '`COPY --from={{from}} / /` copies the entire filesystem of `{{from}}` over this image: its build tools, package manager state and any secret left on disk come along, and its `ENV`, `USER`, `WORKDIR` and `CMD` do not. Copy only the directories the image needs (for example `COPY --from={{from}} /app /app`), or build this stage `FROM {{from}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      COPY(node, stage) {
        const args = copyArgs(model, node);
        if (!args?.from || !args.destination) return;
        const value = (w: { value: string; raw: string }) => {
          const v = unquote(w.value);
          return v.includes('$') && !context.inOnbuild ? model.resolveInStage(v, stage, node) : v;
        };
        if (!isRoot(value(args.destination))) return;
        const source = args.sources.find((s) => isRoot(value(s)));
        if (!source) return;
        context.report({ messageId: 'wholeFilesystem', data: { from: args.from }, range: { start: source.start, end: source.end } });
      },
    };
  },
});
