import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import { unquote } from '~/engine/shell';

export default defineRule({
  name: 'copy-multiple-sources-needs-slash',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require a trailing `/` on the destination of `COPY` and `ADD` with several sources',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3021', 'trivy:DS-0011'],
    messages: {
      needsSlash: '`{{keyword}}` copies {{count}} sources into `{{dest}}`, which does not end with `/`. BuildKit treats it as a directory, but the classic builder and other tools fail with "the destination must be a directory and end with a /". Write `{{dest}}/`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      '*'(instr, stage) {
        if (!stage) return;
        const c = copyArgs(model, instr);
        if (!c || c.sources.length < 2 || !c.destination) return;
        const dest = c.destination;
        const written = unquote(dest.value);
        const value = written.includes('$') ? model.resolveInStage(written, stage, instr) : written;
        if (!value || value.includes('$') || value.endsWith('/') || value.endsWith('\\')) return;
        // As written (dockerfile-ast's value can differ from the text, e.g. after a `#` inside the word).
        if (/[/\\]["']?$/.test(dest.raw)) return;
        const at = /["']$/.test(dest.raw) && dest.raw.length > 1 ? dest.end - 1 : dest.end;
        context.report({
          messageId: 'needsSlash',
          data: { keyword: c.keyword, count: c.sources.length, dest: written },
          range: { start: dest.start, end: dest.end },
          fix: { title: 'Add a trailing `/`', edits: [{ start: at, end: at, text: '/' }] },
        });
      },
    };
  },
});
