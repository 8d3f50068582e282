import { defineRule } from '~/engine/define-rule';
import { optionValue } from '~/engine/shell';
import { rpmCall, type RpmCall } from '~/engine/rpm';

const ARCH = /\.(x86_64|noarch|aarch64|i[3-6]86|ppc64le|ppc64|s390x|armv7hl|src)$/;
const VERSION = /^(\d+:)?\d[\w.+~^*]*$/;

/**
 * `name-version[-release][.arch]`, `name-epoch:version-release`: the last dash-separated part is a
 * version (starts with a digit) and is more than a bare number, or the last two parts are both
 * versions. A bare number ends many names (`gcc-toolset-12`, `compat-libstdc++-33`), and a dash
 * alone proves nothing (`python3-pip`, `java-1.8.0-openjdk`). Globs on a version (`foo-1.2*`) count.
 */
function hasVersion(value: string): boolean {
  const parts = value.replace(ARCH, '').split('-');
  if (parts.length < 2 || !parts[0]) return false;
  const last = parts[parts.length - 1]!;
  if (!VERSION.test(last)) return false;
  if (!/^\d+$/.test(last)) return true;
  return parts.length >= 3 && VERSION.test(parts[parts.length - 2]!);
}
/** A version comparison: `foo>=1.2`, `'foo >= 1.2'`, zypper's `foo=1.2`. */
const COMPARISON = /[<>=]/;

/** zypper resolvable kinds that carry no version (`pattern:devel_basis`, `-t pattern`). */
const ZYPPER_UNVERSIONED = /^(pattern|patch|product|srcpackage|application):/;

/** Whether a package word of an install needs no pin, or cannot be judged here. */
function exempt(value: string): boolean {
  return !value
    || value.includes('$') // a variable or command substitution
    || value.includes('/') // a file, path, URL or file provide (`/usr/bin/python3`)
    || value.endsWith('.rpm')
    || value.startsWith('@') // a group, environment or module profile (`@development`, `@nodejs:18/common`)
    || value.includes('(') // a capability (`python3dist(requests)`, `dnf-command(config-manager)`)
    || COMPARISON.test(value)
    || hasVersion(value);
}

export default defineRule({
  name: 'rpm-package-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require versions for packages installed with yum, dnf, microdnf or zypper',
    category: 'reproducibility',
    scope: 'all-stages',
    enabledByDefault: false,
    sources: ['hadolint:DL3033', 'hadolint:DL3037', 'hadolint:DL3041'],
    messages: {
      unpinned: '`{{pkg}}` is installed without a version, so each build gets whatever the repositories hold that day. Pin it (`{{example}}`) if this package must not change, or rely on a pinned base image and a fixed repository snapshot (see the rule page).',
      moduleStream: 'Module `{{pkg}}` is installed without a stream, so it follows the distribution\'s default stream, which changes between releases. Name the stream (`{{pkg}}:<stream>`).',
    },
  },
  create(context) {
    const { model } = context;
    const example = (call: RpmCall, pkg: string) => (call.family === 'zypper' ? `${pkg}=<version>` : `${pkg}-<version>`);
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          const call = rpmCall(cmd);
          const sub = call?.subcommand?.value;
          if (!call || !sub) continue;
          if (call.family === 'yum' && sub === 'module') {
            if (call.action?.value !== 'install') continue;
            for (const w of call.packages) {
              const v = w.value;
              if (v.includes(':') || v.includes('$') || !v) continue;
              context.report({ messageId: 'moduleStream', data: { pkg: v.replace(/\/.*$/, '') }, range: { start: w.start, end: w.end } });
            }
            continue;
          }
          const install = call.family === 'zypper' ? sub === 'install' || sub === 'in' : sub === 'install' || sub === 'in' || sub === 'localinstall';
          if (!install) continue;
          if (call.family === 'zypper') {
            const type = optionValue(call.options, ['-t', '--type'])?.value;
            if (type && type !== 'package') continue;
          }
          for (const w of call.packages) {
            let v = w.value;
            if (call.family === 'zypper') {
              if (ZYPPER_UNVERSIONED.test(v)) continue;
              v = v.replace(/^package:/, '');
            }
            if (exempt(v)) continue;
            context.report({ messageId: 'unpinned', data: { pkg: v, example: example(call, v) }, range: { start: w.start, end: w.end } });
          }
        }
      },
    };
  },
});
