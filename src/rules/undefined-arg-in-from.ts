import { didYouMean } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { variableUses } from '~/engine/variables';

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
      guarded: '`{{name}}` is not declared by an `ARG` before the first `FROM`, so the fallback after it is always used and `--build-arg {{name}}=…` cannot change it{{hint}}. Declare it at the top of the file: `ARG {{name}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from) {
        const { start, end } = model.offsets(from.getRange());
        // BuildKit looks every name up, `${NAME:-default}` included, and reports the ones not declared.
        for (const use of variableUses(model.text, start, end, model.escapeChar, true)) {
          const { name } = use;
          if (model.globalArgs.has(name) || PREDEFINED.has(name)) continue;
          const near = didYouMean(name, model.globalArgs.keys());
          context.report({
            messageId: use.guarded ? 'guarded' : 'undefined',
            data: { name, hint: near ? ` (did you mean \`${near}\`?)` : '' },
            range: { start: use.start, end: use.end },
          });
        }
      },
    };
  },
});
