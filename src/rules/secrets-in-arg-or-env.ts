import type { Env, Instruction } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';

// BuildKit's words, matched as whole `_`-separated parts of the name (API_KEY, DB_PASSWORD, TOKEN).
const SECRET = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|passwd|pword|secret|token)(?:_|$)/i;
// Names that hold no secret although they contain one of the words: BuildKit's own exceptions (public,
// file, version), public and publishable keys (STRIPE_PUBLISHABLE_KEY, shipped to browsers by design) and key fingerprints (the official python image sets GPG_KEY), apt-key's
// switch, names of files, paths and URLs that point at a secret, and settings about one (which
// backend, how long a token lives, whether auth is on, where the auth server is: AIRFLOW__API__AUTH_BACKENDS,
// ACCESS_TOKEN_EXPIRE_MINUTES, POSTGRES_HOST_AUTH_METHOD, SSH_AUTH_SOCK, CACHE_KEY_PREFIX, AUTH_DOMAIN), and
// counts and limits of language-model tokens (TOKEN_LIMIT, MAX_TOKEN, NUM_TOKEN_SAMPLES), and the variables
// front-end builds embed in the JavaScript they ship to every browser (VITE_SENTRY_APP_KEY, REACT_APP_,
// GATSBY_; NEXT_PUBLIC_ and EXPO_PUBLIC_ have the PUBLIC part): public by design, a secret mount cannot keep
// them out of the bundle.
const ALLOWED = new RegExp([
  '(?:^|_)(?:public|pub|publishable|file|version)(?:_|$)',
  '^GPG_KEYS?$',
  '^APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE$',
  '_(?:PATH|URL|DIR|ID|NAME|LOCATION|SOCK|SOCKET|HOST|PORT|DOMAIN|ENDPOINT|SERVER|REALM|ISSUER|AUDIENCE|SCOPES?|USER|USERNAME|PREFIX|FORMAT|REGION)$',
  '_(?:BACKENDS?|TYPE|METHOD|MODE|ENABLED|DISABLED|EXPIRES?|EXPIRY|EXPIRATION|TTL|TIMEOUT|LIFETIME|LENGTH|ALGORITHM|(?:EXPIRE_)?(?:SECONDS|MINUTES|HOURS|DAYS))$',
  '(?:^|_)(?:ENABLE|DISABLE|USE)_',
  '^(?:VITE|REACT_APP|GATSBY)_',
  '_(?:LIMIT|COUNT|SIZE|MAX|MIN)$',
  '^(?:MAX|MIN|NUM)_',
].join('|'), 'i');

/** ENV values that hold no secret: nothing, or a word that turns the feature off. */
const NO_VALUE = /^(?:|no|none|null|false|off|disabled?|0)$/i;

export default defineRule({
  name: 'secrets-in-arg-or-env',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow passing secrets through `ARG` or `ENV`, which keep them in the image and its history',
    category: 'security',
    scope: 'all-stages',
    sources: ['hadolint:DL3064', 'buildkit:SecretsUsedInArgOrEnv', 'trivy:DS-0031'],
    messages: {
      secret: '`{{name}}` looks like a secret: values of `{{keyword}}` are stored in the image config or its build history, readable by anyone who can pull it. Use a secret mount (`RUN --mount=type=secret,id={{id}}`).',
    },
  },
  create(context) {
    const { model } = context;
    const report = (keyword: 'ARG' | 'ENV', name: string, value: string | null, range: { start: number; end: number }) => {
      if (!SECRET.test(name) || ALLOWED.test(name)) return;
      // `ENV PASSWORD=""` stores nothing: it names a setting to give with `docker run -e`; and
      // `ENV GOOGLE_API_KEY=no` switches a feature off. An `ARG` default is different: a
      // `--build-arg` still lands in the history.
      if (keyword === 'ENV' && NO_VALUE.test(value ?? 'x')) return;
      context.report({ messageId: 'secret', data: { name, keyword, id: name.toLowerCase() }, range });
    };
    const checkEnv = (instr: Env) => {
      for (const p of instr.getProperties()) report('ENV', p.getName(), p.getValue(), model.offsets(p.getNameRange()));
    };
    /** Every name an `ARG` declares: `ARG PIP_INDEX_URL GITHUB_TOKEN NPM_TOKEN` declares three. */
    const checkArg = (instr: Instruction) => {
      for (const a of instr.getArguments()) {
        const { start, end } = model.offsets(a.getRange());
        const text = model.text.slice(start, end);
        const eq = text.indexOf('=');
        const name = eq >= 0 ? text.slice(0, eq) : text;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
        report('ARG', name, null, { start, end: start + name.length });
      }
    };
    return {
      ARG: checkArg,
      ENV: (instr) => checkEnv(instr as Env),
      'Dockerfile:exit'() {
        // Global ARGs (before the first FROM) belong to no stage, so no visitor saw them.
        for (const i of model.instructions) {
          if (i.getKeyword() === 'ARG' && !model.stageOf(i)) checkArg(i);
        }
      },
    };
  },
});
