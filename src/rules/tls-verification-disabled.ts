import { pipCall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'tls-verification-disabled',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow turning off TLS verification for Python package downloads',
    category: 'security',
    scope: 'all-stages',
    sources: ['checkov:CKV2_DOCKER_4', 'checkov:CKV2_DOCKER_5', 'checkov:CKV2_DOCKER_16'],
    messages: {
      trustedHost: '`{{what}}` makes pip accept any certificate (or plain HTTP) from `{{host}}`: anyone on the network path can serve you modified packages. Fix the certificate chain instead (install the CA, `PIP_CERT`).',
      httpIndex: 'The package index `{{url}}` is plain HTTP: packages can be modified in transit. Use an `https://` index.',
      httpsVerify: '`PYTHONHTTPSVERIFY=0` turns off certificate checks for every HTTPS request Python makes. Install the right CA certificates instead.',
    },
  },
  create(context) {
    const { model } = context;
    const envChecks = (name: string, value: string, start: number, end: number) => {
      if (name === 'PIP_TRUSTED_HOST' && value) context.report({ messageId: 'trustedHost', data: { what: 'PIP_TRUSTED_HOST', host: value }, range: { start, end } });
      if (name === 'PYTHONHTTPSVERIFY' && value.trim() === '0') context.report({ messageId: 'httpsVerify', range: { start, end } });
      if ((name === 'PIP_INDEX_URL' || name === 'PIP_EXTRA_INDEX_URL' || name === 'UV_INDEX_URL' || name === 'UV_EXTRA_INDEX_URL' || name === 'UV_DEFAULT_INDEX') && /^http:\/\//i.test(value.trim())) {
        context.report({ messageId: 'httpIndex', data: { url: value.trim() }, range: { start, end } });
      }
    };
    return {
      ENV(env) {
        for (const p of env.getProperties()) {
          const { start, end } = model.offsets(p.getRange());
          envChecks(p.getName(), p.getValue() ?? '', start, end);
        }
      },
      RUN(run) {
        for (const cmd of model.commands(run)) {
          for (const w of cmd.env) {
            const eq = w.value.indexOf('=');
            envChecks(w.value.slice(0, eq), w.value.slice(eq + 1), w.start, w.end);
          }
          const pip = pipCall(cmd);
          const uv = uvInstall(cmd);
          if (!pip && !uv && cmd.name !== 'uv') continue;
          const args = cmd.args;
          for (let i = 0; i < args.length; i++) {
            const a = args[i]!;
            const next = args[i + 1];
            if (a.value === '--trusted-host' || a.value === '--allow-insecure-host') {
              context.report({ messageId: 'trustedHost', data: { what: a.value, host: next?.value ?? '' }, range: { start: a.start, end: next?.end ?? a.end } });
            } else if (/^--(trusted-host|allow-insecure-host)=/.test(a.value)) {
              context.report({ messageId: 'trustedHost', data: { what: a.value.split('=')[0]!, host: a.value.split('=')[1] ?? '' }, range: { start: a.start, end: a.end } });
            } else if (/^(-i|--index-url|--extra-index-url|--default-index|--index|-f|--find-links)$/.test(a.value) && next && /^http:\/\//i.test(next.value)) {
              context.report({ messageId: 'httpIndex', data: { url: next.value }, range: { start: next.start, end: next.end } });
            } else if (/^--(index-url|extra-index-url|default-index|index|find-links)=http:\/\//i.test(a.value)) {
              context.report({ messageId: 'httpIndex', data: { url: a.value.slice(a.value.indexOf('=') + 1) }, range: { start: a.start, end: a.end } });
            } else if (pip?.subcommand?.value === 'config' && /index-url$/.test(a.value) && next && /^http:\/\//i.test(next.value)) {
              context.report({ messageId: 'httpIndex', data: { url: next.value }, range: { start: next.start, end: next.end } });
            } else if (pip?.subcommand?.value === 'config' && /trusted-host$/.test(a.value) && next) {
              context.report({ messageId: 'trustedHost', data: { what: 'pip config set global.trusted-host', host: next.value }, range: { start: a.start, end: next.end } });
            }
          }
        }
      },
    };
  },
});
