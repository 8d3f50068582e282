import type { Instruction } from 'dockerfile-ast';
import { pipCall, throughRunner, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { hasFlag, optionValue, type Word } from '~/engine/shell';

/** Options whose value is a package index or find-links location, for pip and uv. */
const INDEX_OPTIONS = ['--index-url', '-i', '--extra-index-url', '--default-index', '--index', '--find-links', '-f'];
const INDEX_VARS = new Set([
  'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS', 'UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_INDEX', 'UV_FIND_LINKS',
  'PDM_PYPI_URL', 'PIPENV_PYPI_MIRROR',
]);
const HTTP = /^http:\/\//i;
/** The values conda and Poetry read as "off" for a boolean setting. */
const OFF = /^(false|no|off|0)$/i;
/** `POETRY_CERTIFICATES_<SOURCE>_CERT`: Poetry's variable for `certificates.<source>.cert`. */
const POETRY_CERT_VAR = /^POETRY_CERTIFICATES_(\w+)_CERT$/;
/** The variables a `$NAME` or `${NAME…}` in a word reads. */
const VARIABLES = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/** A host on the loopback interface: the traffic never leaves the build container. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/** The host of a `host`, `host:port` or `[::1]:port` value, lower-cased, without the port. */
function hostName(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(0, v.indexOf(']') + 1) || v;
  return v.split(':')[0]!;
}

/** The host of an `http://` URL (`http://user:pass@host:8080/simple` → `host`), or null. */
function httpHost(url: string): string | null {
  const m = /^http:\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(url.trim());
  return m ? hostName(m[1]!) : null;
}

/** Whether every host of a trusted-host value (space- or comma-separated) is on the loopback interface. */
function loopbackOnly(value: string): boolean {
  const hosts = value.split(/[\s,]+/).filter(Boolean);
  return hosts.length > 0 && hosts.every((h) => LOOPBACK.test(hostName(h)));
}

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
      trustedHttp: '`{{what}}` lets {{tool}} use the plain-HTTP index `{{url}}`: packages from `{{host}}` arrive unauthenticated, and anyone on the network path can modify them. Use the index\'s `https://` address and drop `{{what}}`.',
      httpIndex: 'The package index `{{url}}` is plain HTTP: packages can be modified in transit. Use an `https://` index.',
      httpIndexVar: 'The package index `{{written}}` is `{{url}}`, plain HTTP: packages can be modified in transit. Use an `https://` index.',
      httpsVerify: '`PYTHONHTTPSVERIFY=0` turns off certificate checks for every HTTPS request Python makes. Install the right CA certificates instead.',
      condaSslVerify: '`{{what}}` turns off certificate checks for conda downloads: anyone on the network path can serve you modified packages. Trust the proxy\'s CA instead (`conda config --set ssl_verify /path/to/ca-bundle.pem`).',
      poetryCert: '`{{what}}` turns off certificate checks for the Poetry source `{{source}}`: anyone on the network path can serve you modified packages. Point it at the CA bundle instead (`poetry config certificates.{{source}}.cert /path/to/ca-bundle.pem`).',
      pdmVerifySsl: '`{{what}}` turns off certificate checks for PDM\'s package index: anyone on the network path can serve you modified packages. Trust the proxy\'s CA instead (`pdm config pypi.ca_certs /path/to/ca-bundle.pem`).',
    },
  },
  create(context) {
    const { model } = context;
    /** Hosts reached through an `http://` index anywhere in the file, with the first such URL. */
    const httpIndexes = new Map<string, string>();
    /** Trusted-host findings, reported at the end, once every `http://` index is known. */
    const trusted: Array<{ messageId: 'trustedHost' | 'insecureHost'; what: string; host: string; range: { start: number; end: number } }> = [];
    const trust = (messageId: 'trustedHost' | 'insecureHost', what: string, host: string, start: number, end: number) => {
      if (!loopbackOnly(host)) trusted.push({ messageId, what, host, range: { start, end } });
    };
    /** An `http://` index URL: reported, unless it is on the loopback interface. */
    const httpIndex = (url: string, start: number, end: number, report: () => void) => {
      const host = httpHost(url);
      if (host && LOOPBACK.test(host)) return;
      if (host && !httpIndexes.has(host)) httpIndexes.set(host, url);
      report();
    };
    /** A variable set by ENV, by ARG (in the environment of every later RUN of its stage) or in front of a command. */
    const envChecks = (name: string, value: string, start: number, end: number) => {
      if (name === 'PIP_TRUSTED_HOST' && value.trim()) trust('trustedHost', 'PIP_TRUSTED_HOST', value.trim(), start, end);
      if (name === 'UV_INSECURE_HOST' && value.trim()) trust('insecureHost', 'UV_INSECURE_HOST', value.trim(), start, end);
      if (name === 'PYTHONHTTPSVERIFY' && value.trim() === '0') context.report({ messageId: 'httpsVerify', range: { start, end } });
      if ((name === 'CONDA_SSL_VERIFY' || name === 'MAMBA_SSL_VERIFY') && OFF.test(value.trim())) context.report({ messageId: 'condaSslVerify', data: { what: `${name}=${value.trim()}` }, range: { start, end } });
      if (name === 'PDM_PYPI_VERIFY_SSL' && OFF.test(value.trim())) context.report({ messageId: 'pdmVerifySsl', data: { what: `${name}=${value.trim()}` }, range: { start, end } });
      const poetry = POETRY_CERT_VAR.exec(name);
      if (poetry && OFF.test(value.trim())) {
        context.report({ messageId: 'poetryCert', data: { what: `${name}=${value.trim()}`, source: poetry[1]!.toLowerCase().replace(/_/g, '-') }, range: { start, end } });
      }
      if (INDEX_VARS.has(name)) {
        // Several URLs may be given, separated by spaces.
        const url = value.trim().split(/\s+/).map(indexUrl).find((u) => HTTP.test(u));
        if (url) httpIndex(url, start, end, () => context.report({ messageId: 'httpIndex', data: { url }, range: { start, end } }));
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
    /**
     * A pip.conf written in the Dockerfile (`COPY <<EOF /etc/pip.conf`, `RUN printf … > /etc/pip.conf`):
     * its `trusted-host` and `index-url` lines, as pip reads them.
     */
    const pipConf = (instr: Instruction) => {
      const { start, end } = model.offsets(instr.getRange());
      const text = context.text.slice(start, end);
      if (!/pip\.(conf|ini)\b/.test(text)) return;
      const line = /(^|[\s"'\]]|\\n)(trusted-host|index-url|extra-index-url|find-links)[ \t]*=[ \t]*([^\s"'\\]+)/gm;
      for (let m = line.exec(text); m; m = line.exec(text)) {
        const valueStart = start + m.index + m[0].length - m[3]!.length;
        const keyStart = start + m.index + m[1]!.length;
        // A commented-out line (`# trusted-host = …`, `; index-url = http://…`) sets nothing.
        const lineStart = Math.max(text.lastIndexOf('\n', keyStart - start - 1), text.lastIndexOf('\\n', keyStart - start - 1) + 1);
        if (/^[\s'"]*[#;]/.test(text.slice(lineStart + 1, keyStart - start))) continue;
        if (m[2] === 'trusted-host') {
          trust('trustedHost', 'trusted-host in pip.conf', m[3]!, keyStart, valueStart + m[3]!.length);
        } else if (HTTP.test(m[3]!)) {
          httpIndex(m[3]!, valueStart, valueStart + m[3]!.length, () => context.report({ messageId: 'httpIndex', data: { url: m[3]! }, range: { start: valueStart, end: valueStart + m[3]!.length } }));
        }
      }
    };
    return {
      'Dockerfile:exit'() {
        for (const t of trusted) {
          // `-i http://mirror/simple --trusted-host mirror`: the host is trusted because its index is plain HTTP.
          const host = t.host.split(/[\s,]+/).map(hostName).find((h) => httpIndexes.has(h));
          if (host) context.report({ messageId: 'trustedHttp', data: { what: t.what, tool: t.messageId === 'trustedHost' ? 'pip' : 'uv', url: httpIndexes.get(host)!, host }, range: t.range });
          else context.report({ messageId: t.messageId, data: { what: t.what, host: t.host }, range: t.range });
        }
      },
      COPY(copy) {
        pipConf(copy);
      },
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
      RUN(run, stage) {
        pipConf(run);
        /** An index URL as the command sees it: `${MIRROR}` expanded with the ARG and ENV values in effect. */
        const reportIndex = (word: Word, value: string) => {
          const url = indexUrl(value);
          if (HTTP.test(url)) {
            httpIndex(url, word.start, word.end, () => context.report({ messageId: 'httpIndex', data: { url }, range: { start: word.start, end: word.end } }));
            return;
          }
          // A variable named like pip's or uv's own (`$PIP_INDEX_URL`) is reported where it is set.
          const names = [...value.matchAll(VARIABLES)].map((m) => m[1]!);
          if (!names.length || names.some((n) => INDEX_VARS.has(n))) return;
          const resolved = indexUrl(model.resolveInStage(value, stage, run));
          if (HTTP.test(resolved)) httpIndex(resolved, word.start, word.end, () => context.report({ messageId: 'httpIndexVar', data: { written: word.raw.replace(/^["']|["']$/g, ''), url: resolved }, range: { start: word.start, end: word.end } }));
        };
        for (const c of model.commands(run)) {
          // `conda run -n env pip install …`, `poetry run pip …`: the program the runner starts.
          const cmd = throughRunner(c);
          for (const w of cmd.env) {
            const eq = w.value.indexOf('=');
            envChecks(w.value.slice(0, eq), w.value.slice(eq + 1), w.start, w.end);
          }
          const words = cmd.args.map((a) => a.value);
          // conda, mamba, micromamba: `conda config --set ssl_verify false`, `micromamba config set ssl_verify false`.
          if (/^(conda|mamba|micromamba)$/.test(cmd.name) && words[0] === 'config') {
            const at = words.indexOf('ssl_verify');
            const value = at > 0 ? cmd.args[at + 1] : undefined;
            if (value && OFF.test(value.value) && /^(--set|set)$/.test(words[at - 1] ?? '')) {
              context.report({ messageId: 'condaSslVerify', data: { what: `${cmd.name} config ${words[at - 1]} ssl_verify ${value.value}` }, range: { start: cmd.args[at - 1]!.start, end: value.end } });
            }
            continue;
          }
          // `conda install --insecure` (`-k`) skips certificate checks for that command.
          if (/^(conda|mamba)$/.test(cmd.name) && /^(install|create|update|upgrade)$/.test(words[0] ?? '')) {
            const insecure = hasFlag(cmd.args, ['--insecure', '-k']);
            if (insecure) context.report({ messageId: 'condaSslVerify', data: { what: `${cmd.name} ${words[0]} ${insecure.value}` }, range: { start: insecure.start, end: insecure.end } });
            continue;
          }
          if (cmd.name === 'poetry') {
            // `poetry config certificates.<source>.cert false`, `poetry source add <name> http://…`.
            const cert = words[0] === 'config' ? words.findIndex((w) => /^certificates\.[^.]+\.cert$/.test(w)) : -1;
            const value = cert > 0 ? cmd.args[cert + 1] : undefined;
            if (value && OFF.test(value.value)) {
              context.report({ messageId: 'poetryCert', data: { what: `poetry config ${words[cert]} ${value.value}`, source: words[cert]!.split('.')[1]! }, range: { start: cmd.args[cert]!.start, end: value.end } });
            }
            if (words[0] === 'source' && words[1] === 'add') {
              const positional = cmd.args.slice(2).filter((a, k, all) => !a.value.startsWith('-') && !/^(-p|--priority)$/.test(all[k - 1]?.value ?? ''));
              if (positional[1]) reportIndex(positional[1], positional[1].value);
            }
            continue;
          }
          if (cmd.name === 'pdm') {
            // `pdm config [-g|-l] pypi.verify_ssl false`, `pdm config pypi.<name>.url http://…`.
            if (words[0] !== 'config' || words.some((w) => /^(-d|--delete)$/.test(w))) continue;
            const key = cmd.args.findIndex((a) => /^pypi\.([^.]+\.)?(verify_ssl|url)$/.test(a.value));
            const value = key > 0 ? cmd.args[key + 1] : undefined;
            if (!value) continue;
            if (words[key]!.endsWith('.url')) reportIndex(value, value.value);
            else if (OFF.test(value.value)) context.report({ messageId: 'pdmVerifySsl', data: { what: `pdm config ${words[key]} ${value.value}` }, range: { start: cmd.args[key]!.start, end: value.end } });
            continue;
          }
          if (cmd.name === 'pipenv') {
            // `pipenv install --pypi-mirror http://…`.
            const mirror = optionValue(cmd.args, ['--pypi-mirror']);
            if (mirror) reportIndex(mirror, mirror.value);
            continue;
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
              trust(messageId, a.value, next?.value ?? '', a.start, next?.end ?? a.end);
              i++;
              continue;
            }
            if (/^--(trusted-host|allow-insecure-host)=/.test(a.value)) {
              trust(messageId, a.value.split('=')[0]!, a.value.slice(a.value.indexOf('=') + 1), a.start, a.end);
              continue;
            }
            const index = indexOption(args, i);
            if (index) {
              // The URL only, in every spelling of the option.
              reportIndex(index, index.value);
              if (index === next) i++;
              continue;
            }
            if (pip?.subcommand?.value === 'config' && /index-url$/.test(a.value) && next) {
              reportIndex(next, next.value);
            } else if (pip?.subcommand?.value === 'config' && /trusted-host$/.test(a.value) && next) {
              trust('trustedHost', `pip config set ${a.value}`, next.value, a.start, next.end);
            }
          }
        }
      },
    };
  },
});
