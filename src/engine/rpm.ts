import type { Instruction, Run } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import type { Command, Word } from './shell';

/**
 * The RPM-based package managers: yum and its successors (dnf, dnf5, microdnf, tdnf), which share
 * options, subcommands and `clean all`, and SUSE's zypper, which does not.
 */
export type RpmFamily = 'yum' | 'zypper';

export interface RpmCall {
  /** The program as called: `yum`, `dnf`, `dnf5`, `microdnf`, `tdnf`, `zypper`. */
  manager: string;
  family: RpmFamily;
  /** The subcommand (`install`, `group`, `module`, `clean`, `dup`, …), or null. */
  subcommand: Word | null;
  /** The second word of a two-word command (`group install`, `module install`), or null. */
  action: Word | null;
  /** Options written before the subcommand (zypper's global options), values included. */
  globalOptions: Word[];
  /** Options written after the subcommand, values included. */
  options: Word[];
  /** The other words after the subcommand: packages, groups, files, URLs. */
  packages: Word[];
  command: Command;
}

const YUM_FAMILY = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf']);

/** yum/dnf options that take the next word as their value (`--setopt=x` forms are one word). */
const YUM_WITH_VALUE = new Set([
  '-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '-R', '--randomwait', '-x', '--exclude',
  '--excludepkgs', '--includepkgs', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo',
  '--repo', '--repoid', '--repofrompath', '--downloaddir', '--destdir', '--forcearch', '--rpmverbosity', '--color',
  '--disableexcludes', '--disableplugin', '--enableplugin', '--comment', '--advisory', '--advisories', '--bz', '--bzs',
  '--cve', '--cves', '--sec-severity', '--secseverity', '--from-repo', '--platform-module',
]);

/** zypper's global options (before the command) that take a value. */
const ZYPPER_GLOBAL_WITH_VALUE = new Set([
  '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '-R', '--root', '--installroot', '-p', '--plus-repo', '--plus-content', '-s', '--table-style',
  '--userdata', '--releasever',
]);

/** zypper's command options (after the command) that take a value. */
const ZYPPER_COMMAND_WITH_VALUE = new Set([
  '-t', '--type', '-r', '--repo', '--from', '--download', '-p', '--plus-repo', '-g', '--category', '--severity',
  '--date', '-b', '--bugzilla', '--cve', '--issues', '--comment',
]);

/** Commands whose subcommand is followed by an action word. */
const TWO_WORD = new Set(['group', 'groups', 'module']);

/** Parses a yum/dnf/microdnf/tdnf/zypper command; null for anything else. */
export function rpmCall(cmd: Command): RpmCall | null {
  const family: RpmFamily | null = YUM_FAMILY.has(cmd.name) ? 'yum' : cmd.name === 'zypper' ? 'zypper' : null;
  if (!family) return null;
  const globalValue = family === 'yum' ? YUM_WITH_VALUE : ZYPPER_GLOBAL_WITH_VALUE;
  const commandValue = family === 'yum' ? YUM_WITH_VALUE : ZYPPER_COMMAND_WITH_VALUE;
  const call: RpmCall = { manager: cmd.name, family, subcommand: null, action: null, globalOptions: [], options: [], packages: [], command: cmd };
  const args = cmd.args;
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!endOfOptions && a.value === '--') { endOfOptions = true; continue; }
    if (!endOfOptions && a.value.startsWith('-') && a.value.length > 1) {
      const target = call.subcommand ? call.options : call.globalOptions;
      target.push(a);
      const withValue = call.subcommand ? commandValue : globalValue;
      if (withValue.has(a.value) && i + 1 < args.length) target.push(args[++i]!);
      continue;
    }
    if (!call.subcommand) call.subcommand = a;
    else if (!call.action && family === 'yum' && TWO_WORD.has(call.subcommand.value) && call.packages.length === 0) call.action = a;
    else call.packages.push(a);
  }
  return call;
}

/** The word that ends the command name: the action of `group install`, else the subcommand. */
export function lastCommandWord(call: RpmCall): Word | null {
  return call.action ?? call.subcommand;
}

/** `dnf group install` → `group install`; `yum install` → `install`. */
export function commandText(call: RpmCall): string {
  return [call.subcommand?.value, call.action?.value].filter(Boolean).join(' ');
}

/** Cache directories each manager can write, the first being the one it uses on its usual distribution. */
export const RPM_CACHE_DIRS: Record<string, readonly string[]> = {
  // `yum` is dnf (and writes /var/cache/dnf) on RHEL 8 and later and their rebuilds, and dnf5 on Fedora 41 and later.
  yum: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
  // `dnf` is dnf5 (and writes /var/cache/libdnf5) on Fedora 41 and later.
  dnf: ['/var/cache/dnf', '/var/cache/libdnf5'],
  dnf5: ['/var/cache/libdnf5'],
  microdnf: ['/var/cache/yum'],
  tdnf: ['/var/cache/tdnf'],
  zypper: ['/var/cache/zypp'],
};

/** Whether an earlier instruction of the stage (or a stage it is built FROM) writes a yum/dnf configuration line matching `setting`. */
export function rpmConfiguredBefore(model: DockerfileModel, stage: Stage, instr: Instruction, setting: RegExp): boolean {
  for (const s of model.lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && !model.isBefore(i, instr)) break;
      if (i.getKeyword() !== 'RUN') continue;
      const { start, end } = model.offsets(i.getRange());
      const text = model.text.slice(start, end);
      if (/(yum|dnf|tdnf)\.conf/.test(text) && setting.test(text)) return true;
    }
  }
  return false;
}

/** Whether a RUN is in exec form (`RUN ["dnf", "install", …]`): inserted words must then be JSON strings. */
export function runIsExecForm(run: Run): boolean {
  return /^\s*\[/.test(run.getArgumentsContent() ?? '') && run.getHeredocs().length === 0;
}
