import { defineRule } from '~/engine/define-rule';

const MAX = 65535;

export default defineRule({
  name: 'expose-port-invalid',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `EXPOSE` ports outside 0–65535, reversed ranges and unknown protocols',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['hadolint:DL3011', 'trivy:DS-0008'],
    messages: {
      outOfRange: 'Port `{{port}}` is outside the valid range 0–65535, so the build fails. Use the port the application listens on.',
      reversed: 'The port range `{{port}}` ends before it starts, so the build fails. Write the lower port first.',
      notANumber: '`{{port}}` is not a port number, so the build fails. `EXPOSE` takes ports like `8000`, `8000/udp` or ranges like `8000-8010`.',
      protocol: '`{{protocol}}` is not a protocol `EXPOSE` knows, so the build fails. Use `tcp`, `udp` or `sctp`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      EXPOSE(expose, stage) {
        for (const arg of expose.getArguments()) {
          const written = arg.getValue();
          const value = written.includes('$') ? model.resolveInStage(written, stage, expose) : written;
          // Unresolved variables are checked by Docker at build time; `ip:host:port` forms are another rule's.
          if (!value || value.includes('$') || value.includes(':')) continue;
          const range = arg.getRange();
          const slash = value.indexOf('/');
          const port = slash >= 0 ? value.slice(0, slash) : value;
          const protocol = slash >= 0 ? value.slice(slash + 1) : null;
          const m = /^(\d+)(?:-(\d+))?$/.exec(port);
          if (!m) {
            context.report({ messageId: 'notANumber', data: { port }, range });
            continue;
          }
          const low = Number(m[1]);
          const high = m[2] === undefined ? low : Number(m[2]);
          if (low > MAX || high > MAX) context.report({ messageId: 'outOfRange', data: { port }, range });
          else if (high < low) context.report({ messageId: 'reversed', data: { port }, range });
          else if (protocol !== null && !/^(tcp|udp|sctp)$/i.test(protocol)) context.report({ messageId: 'protocol', data: { protocol }, range });
        }
      },
    };
  },
});
