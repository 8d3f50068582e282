import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'expose-proto-casing',
  meta: {
    type: 'layout',
    severity: 'style',
    description: 'Require the protocol in `EXPOSE` to be lowercase',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['buildkit:ExposeProtoCasing'],
    messages: {
      casing: 'The protocol in `{{port}}` should be lowercase (`{{lower}}`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      EXPOSE(expose) {
        for (const a of expose.getArguments()) {
          const v = a.getValue();
          const m = /\/([A-Za-z]+)$/.exec(v);
          if (!m || m[1] === m[1]!.toLowerCase()) continue;
          const { start, end } = model.offsets(a.getRange());
          const protoStart = end - m[1]!.length;
          context.report({ messageId: 'casing', data: { port: v, lower: v.toLowerCase() }, range: { start, end }, fix: { title: 'Lowercase the protocol', edits: [{ start: protoStart, end, text: m[1]!.toLowerCase() }] } });
        }
      },
    };
  },
});
