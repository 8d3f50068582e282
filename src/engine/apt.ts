import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
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
  // zypper's `-n` is `--non-interactive` before the command and `--name` after it: a flag either way.
  zypper: new Set(['-r', '--repo', '--from', '-t', '--type']),
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

/** `apt-get …` or `apt …` with any subcommand: the call, or null. */
export function aptCall(cmd: Command): PackageCall | null {
  const call = packageCall(cmd);
  return call && (call.manager === 'apt-get' || call.manager === 'apt') ? call : null;
}

/** The configuration settings given on an apt command line: `-o A=1`, `-oA=1`, `--option A=1`, `--option=A=1`. */
export function aptSettings(call: PackageCall): Array<{ name: string; value: string; word: Word }> {
  const out: Array<{ name: string; value: string; word: Word }> = [];
  const opts = call.options;
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i]!;
    let text: string | null = null;
    let word = o;
    if ((o.value === '-o' || o.value === '--option') && opts[i + 1]) { word = opts[++i]!; text = word.value; }
    else if (o.value.startsWith('--option=')) text = o.value.slice('--option='.length);
    else if (/^-o[^-]/.test(o.value)) text = o.value.slice(2);
    if (text === null) continue;
    const eq = text.indexOf('=');
    if (eq > 0) out.push({ name: text.slice(0, eq), value: text.slice(eq + 1), word });
  }
  return out;
}

/**
 * Whether an instruction before `instr`, in the stage or a stage it is built `FROM`, writes an apt
 * configuration file whose text matches `setting` (`echo 'APT::Install-Recommends "false";' >
 * /etc/apt/apt.conf.d/…`, a heredoc), or copies a file into `/etc/apt/apt.conf.d/` whose contents
 * cannot be read here (given the benefit of the doubt).
 */
export function aptConfiguredBefore(model: DockerfileModel, stage: Stage, instr: Instruction, setting: RegExp): boolean {
  for (const s of model.lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, instr)) break;
      const keyword = i.getKeyword();
      if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') continue;
      const { start, end } = model.offsets(i.getRange());
      const text = model.text.slice(start, end);
      if (!/\/etc\/apt\/apt\.conf/.test(text) && !(keyword === 'RUN' && /apt\.conf/.test(text))) continue;
      if (setting.test(text)) return true;
      if (keyword !== 'RUN' && !text.includes('<<')) return true;
    }
  }
  return false;
}

/**
 * The words that variables among a call's arguments expand to (`apt-get install $APT_OPTS curl`,
 * with `ARG APT_OPTS="-y --no-install-recommends"`), and whether one cannot be resolved here (set by
 * the base image, or only at build time), in which case it may hold any option.
 */
export function variableWords(model: DockerfileModel, stage: Stage | null, instr: Instruction, call: PackageCall): { words: string[]; unknown: boolean } {
  const words: string[] = [];
  let unknown = false;
  for (const a of call.command.args) {
    if (!a.value.includes('$')) continue;
    const value = stage ? model.resolveInStage(a.value, stage, instr) : a.value;
    if (value.includes('$')) unknown = true;
    words.push(...value.split(/\s+/).filter(Boolean));
  }
  return { words, unknown };
}
