import { didYouMean } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';

const PREDEFINED = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

export default defineRule({
  name: 'undefined-arg-in-from',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require variables used in `FROM` to be declared by a global `ARG`',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['buildkit:UndefinedArgInFrom'],
    messages: {
      undefined: '`{{name}}` is not declared by an `ARG` before the first `FROM`, so it expands to an empty string here{{hint}}. Declare it: `ARG {{name}}=…` at the top of the file.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from) {
        const { start } = model.offsets(from.getRange());
        const text = model.text.slice(start, model.offsets(from.getRange()).end);
        for (const m of text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
          const name = m[1]!;
          if (model.globalArgs.has(name) || PREDEFINED.has(name)) continue;
          const near = didYouMean(name, model.globalArgs.keys());
          context.report({ messageId: 'undefined', data: { name, hint: near ? ` (did you mean \`${near}\`?)` : '' }, range: { start: start + m.index, end: start + m.index + m[0].length + (m[0].startsWith('${') ? 1 : 0) } });
        }
      },
    };
  },
});
