import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'expose-invalid-format',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow IP addresses and host ports in `EXPOSE`',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['buildkit:ExposeInvalidFormat'],
    messages: {
      format: '`EXPOSE {{value}}` names {{what}}: `EXPOSE` only documents a container port, and the rest is ignored (or will be an error). Write `EXPOSE {{port}}` and choose the host side with `docker run -p`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      EXPOSE(expose) {
        for (const a of expose.getArguments()) {
          const v = a.getValue();
          if (v.includes('$')) continue;
          const m = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]):)?(?:(\d+(?:-\d+)?):)?(\d+(?:-\d+)?(?:\/[a-z]+)?)$/i.exec(v);
          if (!m || (!m[1] && !m[2])) continue;
          const what = m[1] && m[2] ? 'an IP address and a host port' : m[1] ? 'an IP address' : 'a host port';
          const r = model.offsets(a.getRange());
          context.report({ messageId: 'format', data: { value: v, what, port: m[3]! }, range: r, fix: { title: `Keep only the container port \`${m[3]}\``, edits: [{ ...r, text: m[3]! }] } });
        }
      },
    };
  },
});
