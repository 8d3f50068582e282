import { copyArgs } from '~/engine/copy';
import { buildVar } from '~/engine/build-env';
import { pipInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { DockerfileModel, Stage } from '~/engine/model';
import { unquote, type Word } from '~/engine/shell';

/** Long options of `pip install` and `uv pip install` that take a value. */
const LONG_WITH_VALUE = new Set([
  'requirement', 'constraint', 'editable', 'target', 'prefix', 'root', 'src', 'index-url', 'extra-index-url',
  'find-links', 'trusted-host', 'platform', 'python-version', 'implementation', 'abi', 'upgrade-strategy',
  'progress-bar', 'no-binary', 'only-binary', 'proxy', 'retries', 'timeout', 'log', 'log-file', 'cache-dir',
  'cert', 'client-cert', 'exists-action', 'global-option', 'config-settings', 'config-setting', 'report',
  'python', 'root-user-action', 'use-feature', 'use-deprecated', 'keyring-provider', 'build-constraint',
  'override', 'index', 'default-index', 'index-strategy', 'resolution', 'prerelease', 'exclude-newer',
  'link-mode', 'python-platform', 'refresh-package', 'reinstall-package', 'upgrade-package', 'group', 'extra',
  'torch-backend', 'config-file', 'directory', 'project', 'no-build-package', 'no-binary-package', 'color',
  'build', 'b', 'requirements', 'constraints', 'overrides', 'exclude', 'excludes', 'build-constraints',
  'allow-insecure-host', 'no-build-isolation-package', 'only-binary-package', 'no-sources-package',
  'exclude-newer-package', 'python-preference', 'resume-retries', 'install-option', 'build-option',
]);
/** Short options that take a value: -r -c -e -t -i -f -C, and uv's -p -P -b. */
const SHORT_WITH_VALUE = new Set(['r', 'c', 'e', 't', 'i', 'f', 'C', 'p', 'P', 'b']);

const SPECIFIER = /(===|==|~=|!=|<=|>=|<|>)/;
const FILE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;
const VCS = /^(git|hg|svn|bzr)(\+[a-z]+)?:\/\//i;

interface Parsed { packages: Word[]; requirement: boolean; constraint: boolean; noIndex: boolean }

/** Splits pip's arguments into package words and the options that matter here. */
function parse(args: readonly Word[]): Parsed {
  const out: Parsed = { packages: [], requirement: false, constraint: false, noIndex: false };
  const took = (name: string) => {
    if (name === 'r' || name === 'requirement' || name === 'requirements') out.requirement = true;
    if (name === 'c' || name === 'constraint' || name === 'constraints' || name === 'override' || name === 'overrides') out.constraint = true;
  };
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '--') continue;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = v.slice(2, eq < 0 ? undefined : eq);
      if (name === 'no-index') out.noIndex = true;
      if (LONG_WITH_VALUE.has(name)) { took(name); if (eq < 0) i++; }
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      // A cluster: `-U`, `-Ur req.txt`, `-rreq.txt`, `-qe .`.
      for (let k = 1; k < v.length; k++) {
        const ch = v[k]!;
        if (!SHORT_WITH_VALUE.has(ch)) continue;
        took(ch);
        if (k === v.length - 1) i++;
        break;
      }
      continue;
    }
    out.packages.push(args[i]!);
  }
  return out;
}

/** Whether a requirement fixes what gets installed: a version, a file, a path, a URL or a VCS ref. */
function pinned(req: string): boolean {
  const spec = req.split(';')[0]!.trim();
  const at = /\s@\s|^[A-Za-z0-9._\-[\], ]+@(?=\s*[a-z+]+:\/\/)/i.exec(spec);
  const url = at ? spec.slice(at.index + at[0].length).trim() : spec;
  if (VCS.test(url)) {
    // `git+https://host/repo@v1.2`; an `@` in `git+ssh://git@host/…` is the user, not a ref.
    const path = url.replace(VCS, '').replace(/^[^/]*/, '');
    return /@[^/]+$/.test(path.split('#')[0]!);
  }
  if (at || /^[a-z]+:\/\//i.test(url)) return true;
  return SPECIFIER.test(spec) || FILE.test(spec) || spec === '.' || spec === '..' || /^[.~/]/.test(spec) || spec.includes('/');
}

/** Names of files and directories COPY/ADD put in the stage before `before` (a bare `pip install app` may mean one). */
function copiedNames(model: DockerfileModel, stage: Stage, before: number): Set<string> {
  const names = new Set<string>();
  const base = (p: string) => unquote(p).replace(/\/+$/, '').split('/').pop() ?? '';
  for (const s of model.lineage(stage)) {
    for (const i of s.instructions) {
      if (model.offsets(i.getRange()).start >= before) break;
      const c = copyArgs(model, i);
      if (!c) continue;
      for (const w of [...c.sources, ...(c.destination ? [c.destination] : [])]) names.add(base(w.value));
    }
  }
  return names;
}

export default defineRule({
  name: 'pip-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require versions for packages named on a `pip install` command line',
    category: 'dependencies',
    scope: 'all-stages',
    enabledByDefault: false,
    sources: ['hadolint:DL3013'],
    messages: {
      unpinned: '`{{pkg}}` is installed without a version, so each build can get a different release. Pin it (`{{pkg}}==<version>`), or install from a lock file (`-r requirements.txt` with `==` pins and hashes) or under a constraints file (`-c constraints.txt`).',
      unpinnedVcs: '`{{pkg}}` is installed from a repository without a fixed revision, so each build can get a different commit. Pin a tag or a commit (`{{pinned}}`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        let copied: Set<string> | null = null;
        const cmds = model.commands(run);
        for (const cmd of cmds) {
          const call = pipInstall(cmd);
          if (!call) continue;
          const p = parse(call.args);
          // A requirements or constraints file, or a local wheelhouse, decides the versions.
          if (p.requirement || p.constraint || p.noIndex) continue;
          // A constraints file set in front of the command, exported earlier in the RUN, or by ENV or ARG.
          const constraintEnv = call.tool === 'uv' ? 'UV_CONSTRAINT' : 'PIP_CONSTRAINT';
          if (buildVar(model, stage, constraintEnv, run, cmd, cmds)?.value.trim()) continue;
          const words = p.packages;
          for (let k = 0; k < words.length; k++) {
            const w = words[k]!;
            let req = w.value;
            // `name @ https://…` written as three words.
            if (words[k + 1]?.value === '@' && words[k + 2]) { req = `${req} @ ${words[k + 2]!.value}`; k += 2; }
            if (!req || req.includes('$') || pinned(req)) continue;
            copied ??= copiedNames(model, stage, model.offsets(run.getRange()).start);
            if (copied.has(req.replace(/\[.*$/, ''))) continue;
            // A quoted word (`"flask"`, an exec-form string) is reported without its quotes.
            const quoted = w.raw.length >= 2 && /^["']/.test(w.raw) && w.raw.endsWith(w.raw[0]!) && w.raw.slice(1, -1) === w.value;
            const pkg = req.split(';')[0]!.trim();
            const range = quoted ? { start: w.start + 1, end: w.end - 1 } : { start: w.start, end: w.end };
            // `git+https://host/repo.git`: a version pin (`==`) is not valid there; the revision goes after `@`, before any `#fragment`.
            const vcs = /(^|\s@\s*)((git|hg|svn|bzr)\+[a-z]+:\/\/[^#\s]*)(#\S*)?$/i.exec(pkg);
            if (vcs) context.report({ messageId: 'unpinnedVcs', data: { pkg, pinned: `${pkg.slice(0, vcs.index + vcs[1]!.length)}${vcs[2]}@<tag or commit>${vcs[4] ?? ''}` }, range });
            else context.report({ messageId: 'unpinned', data: { pkg }, range });
          }
        }
      },
    };
  },
});
