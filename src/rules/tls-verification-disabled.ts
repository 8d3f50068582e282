import { pipCall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { optionValue, type Word } from '~/engine/shell';

/** Options whose value is a package index or find-links location, for pip and uv. */
const INDEX_OPTIONS = ['--index-url', '-i', '--extra-index-url', '--default-index', '--index', '--find-links', '-f'];
const INDEX_VARS = new Set(['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS', 'UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_INDEX', 'UV_FIND_LINKS']);
const HTTP = /^http:\/\//i;

/** The URL of an index value: uv's `--index` and `UV_INDEX` may name it (`name=http://…`). */
function indexUrl(value: string): string {
  const v = value.trim();
  const named = /^[A-Za-z0-9_.-]+=(.*)$/.exec(v);
  return named && !HTTP.test(v) ? named[1]! : v;
}

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
      insecureHost: '`{{what}}` makes uv accept any certificate (or plain HTTP) from `{{host}}`: anyone on the network path can serve you modified packages. Fix the certificate chain instead (install the CA, then `SSL_CERT_FILE` or `UV_NATIVE_TLS=1`).',
      httpIndex: 'The package index `{{url}}` is plain HTTP: packages can be modified in transit. Use an `https://` index.',
      httpsVerify: '`PYTHONHTTPSVERIFY=0` turns off certificate checks for every HTTPS request Python makes. Install the right CA certificates instead.',
    },
  },
  create(context) {
    const { model } = context;
    /** A variable set by ENV, by ARG (in the environment of every later RUN of its stage) or in front of a command. */
    const envChecks = (name: string, value: string, start: number, end: number) => {
      if (name === 'PIP_TRUSTED_HOST' && value.trim()) context.report({ messageId: 'trustedHost', data: { what: 'PIP_TRUSTED_HOST', host: value.trim() }, range: { start, end } });
      if (name === 'UV_INSECURE_HOST' && value.trim()) context.report({ messageId: 'insecureHost', data: { what: 'UV_INSECURE_HOST', host: value.trim() }, range: { start, end } });
      if (name === 'PYTHONHTTPSVERIFY' && value.trim() === '0') context.report({ messageId: 'httpsVerify', range: { start, end } });
      if (INDEX_VARS.has(name)) {
        // Several URLs may be given, separated by spaces.
        const url = value.trim().split(/\s+/).map(indexUrl).find((u) => HTTP.test(u));
        if (url) context.report({ messageId: 'httpIndex', data: { url }, range: { start, end } });
      }
    };
    /** The index URL of an option word (`-i URL`, `--index-url URL`, `--index-url=URL`, `-iURL`), with its own range. */
    const indexOption = (args: readonly Word[], i: number): Word | null => {
      const a = args[i]!;
      for (const n of INDEX_OPTIONS) {
        if (a.value === n) return args[i + 1] ?? null;
        if (n.startsWith('--') ? a.value.startsWith(`${n}=`) : a.value.startsWith(n) && a.value.length > 2 && !a.value.startsWith('--')) return optionValue([a], [n]);
      }
      return null;
    };
    return {
      ENV(env) {
        for (const p of env.getProperties()) {
          const { start, end } = model.offsets(p.getRange());
          envChecks(p.getName(), p.getValue() ?? '', start, end);
        }
      },
      ARG(arg) {
        for (const p of arg.getProperties()) {
          // `ARG NAME` without a default takes the global ARG's default, if there is one.
          const value = p.getValue() ?? model.globalArgs.get(p.getName()) ?? null;
          if (value === null) continue;
          const { start, end } = model.offsets(p.getRange());
          envChecks(p.getName(), value, start, end);
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
          const messageId = cmd.name === 'uv' ? 'insecureHost' : 'trustedHost';
          const args = cmd.args;
          for (let i = 0; i < args.length; i++) {
            const a = args[i]!;
            const next = args[i + 1];
            if (a.value === '--') break;
            if (a.value === '--trusted-host' || a.value === '--allow-insecure-host') {
              context.report({ messageId, data: { what: a.value, host: next?.value ?? '' }, range: { start: a.start, end: next?.end ?? a.end } });
              i++;
              continue;
            }
            if (/^--(trusted-host|allow-insecure-host)=/.test(a.value)) {
              context.report({ messageId, data: { what: a.value.split('=')[0]!, host: a.value.slice(a.value.indexOf('=') + 1) }, range: { start: a.start, end: a.end } });
              continue;
            }
            const index = indexOption(args, i);
            if (index) {
              // The URL only, in every spelling of the option.
              const url = indexUrl(index.value);
              if (HTTP.test(url)) context.report({ messageId: 'httpIndex', data: { url }, range: { start: index.start, end: index.end } });
              if (index === next) i++;
              continue;
            }
            if (pip?.subcommand?.value === 'config' && /index-url$/.test(a.value) && next && HTTP.test(next.value)) {
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
