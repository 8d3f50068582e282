import type { Command, Word } from './shell';

/** An apt-get/apt (or apk, dnf, yum, microdnf, zypper) call: the subcommand and its package words. */
export interface PackageCall {
  manager: 'apt-get' | 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper';
  subcommand: Word | null;
  /** Words naming packages (options and their values skipped). */
  packages: Word[];
  /** Option words (`-y`, `--no-install-recommends`, `-o`, …). */
  options: Word[];
  command: Command;
}

/** Options that take the next word as their value. */
const WITH_VALUE: Record<PackageCall['manager'], Set<string>> = {
  'apt-get': new Set(['-o', '-c', '-t', '--target-release', '--default-release', '--config-file', '--option']),
  apt: new Set(['-o', '-c', '-t', '--target-release', '--default-release', '--config-file', '--option']),
  apk: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--cache-dir', '--keys-dir']),
  dnf: new Set(['--setopt', '--repo', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-c', '--config', '-x', '--exclude']),
  yum: new Set(['--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '-c', '--config', '-x', '--exclude']),
  microdnf: new Set(['--setopt', '--enablerepo', '--disablerepo', '--releasever', '--installroot', '--config']),
  zypper: new Set(['-r', '--repo', '--from', '-t', '--type', '-n']),
};

const MANAGERS = new Set(Object.keys(WITH_VALUE));

export function packageCall(cmd: Command): PackageCall | null {
  if (!MANAGERS.has(cmd.name)) return null;
  const manager = cmd.name as PackageCall['manager'];
  const withValue = WITH_VALUE[manager];
  let subcommand: Word | null = null;
  const packages: Word[] = [];
  const options: Word[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i]!;
    if (a.value.startsWith('-')) {
      options.push(a);
      if (withValue.has(a.value) && i + 1 < cmd.args.length) options.push(cmd.args[++i]!);
      continue;
    }
    if (!subcommand) subcommand = a;
    else packages.push(a);
  }
  return { manager, subcommand, packages, options, command: cmd };
}

/** `apt-get install …` / `apt install …`: the call, or null. */
export function aptInstall(cmd: Command): PackageCall | null {
  const call = packageCall(cmd);
  if (!call || (call.manager !== 'apt-get' && call.manager !== 'apt')) return null;
  return call.subcommand?.value === 'install' ? call : null;
}

/** Any install through a system package manager (apt-get/apt install, apk add, dnf/yum/microdnf/zypper install). */
export function systemInstall(cmd: Command): PackageCall | null {
  const call = packageCall(cmd);
  if (!call?.subcommand) return null;
  const sub = call.subcommand.value;
  if (call.manager === 'apk') return sub === 'add' ? call : null;
  return sub === 'install' || (call.manager === 'zypper' && sub === 'in') ? call : null;
}

/** The package name of a word: `libpq-dev=15.1-1` → `libpq-dev`, `gcc/bookworm` → `gcc`. */
export function packageName(word: Word): string {
  return word.value.replace(/[=/].*$/, '').replace(/:(amd64|arm64|i386|armhf|all)$/, '');
}
