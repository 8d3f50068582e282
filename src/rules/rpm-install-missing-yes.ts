import { defineRule } from '~/engine/define-rule';
import { commandText, lastCommandWord, rpmCall, rpmConfiguredBefore, runIsExecForm, type RpmCall } from '~/engine/rpm';
import { hasFlag, type Word } from '~/engine/shell';

/** yum/dnf subcommands that ask "Is this ok [y/N]" before changing the system. */
const YUM_PROMPTING = new Set([
  'install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'up', 'update-minimal',
  'upgrade-minimal', 'downgrade', 'distro-sync', 'distrosync', 'dsync', 'remove', 'erase', 'rm', 'autoremove', 'swap',
  'groupupdate', 'groupupgrade', 'groupremove', 'groupinstall', 'builddep', 'localupdate',
]);
/** `dnf group …` / `dnf module …` actions that prompt. */
const YUM_PROMPTING_ACTIONS: Record<string, Set<string>> = {
  group: new Set(['install', 'remove', 'upgrade', 'update', 'erase']),
  groups: new Set(['install', 'remove', 'upgrade', 'update', 'erase']),
  module: new Set(['install', 'enable', 'disable', 'reset', 'remove', 'switch-to', 'update', 'upgrade']),
};
/** zypper commands that ask "Continue? [y/n/v/...? shows all options] (y)". */
const ZYPPER_PROMPTING = new Set([
  'install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup',
  'install-new-recommends', 'inr',
]);

const TRUE = /^(1|true|yes|on)$/i;

function prompts(call: RpmCall): boolean {
  const sub = call.subcommand?.value;
  if (!sub) return false;
  if (call.family === 'zypper') return ZYPPER_PROMPTING.has(sub);
  const actions = YUM_PROMPTING_ACTIONS[sub];
  if (actions) return !!call.action && actions.has(call.action.value);
  return YUM_PROMPTING.has(sub);
}

/** `--setopt=assumeyes=1` / `--setopt assumeyes=True`. */
function setoptYes(words: readonly Word[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.value;
    const text = w === '--setopt' ? words[i + 1]?.value ?? '' : w.startsWith('--setopt=') ? w.slice('--setopt='.length) : '';
    const m = /^assumeyes=(.*)$/i.exec(text);
    if (m && TRUE.test(m[1]!)) return true;
  }
  return false;
}

function answered(call: RpmCall): boolean {
  const all = [...call.globalOptions, ...call.options];
  if (call.family === 'yum') return !!hasFlag(all, ['-y', '--assumeyes']) || setoptYes(all);
  // zypper: the global `--non-interactive`/`-n` (before the command: after `install`, `-n` means
  // `--name`), or the command option `-y`/`--no-confirm`.
  return !!hasFlag(call.globalOptions, ['-n', '--non-interactive'])
    || !!hasFlag(call.options, ['--non-interactive'])
    || !!hasFlag(all, ['-y', '--no-confirm']);
}

export default defineRule({
  name: 'rpm-install-missing-yes',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require `-y` (yum, dnf, microdnf) or `--non-interactive` (zypper) on commands that ask for confirmation',
    category: 'correctness',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3030', 'hadolint:DL3034', 'hadolint:DL3038'],
    messages: {
      missingYes: '`{{command}}` without `-y` asks "Is this ok [y/N]", and a build cannot answer: it reads no answer and aborts. Add `-y`.',
      missingNonInteractive: '`{{command}}` asks for confirmation, and a build cannot answer: zypper aborts. Add the global option `--non-interactive` (`zypper --non-interactive {{subcommand}} …`), or `-y` after the command.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = rpmCall(cmd);
          if (!call || !prompts(call) || answered(call)) return;
          // `yes | dnf install …`
          if (cmd.joinedBy === '|' && cmds[i - 1]?.name === 'yes') return;
          if (call.family === 'yum' && !context.inOnbuild && rpmConfiguredBefore(model, stage, run, /assumeyes\s*=\s*(1|true|yes|on)\b/i)) return;
          const last = lastCommandWord(call)!;
          const exec = runIsExecForm(run) && last.raw.startsWith('"');
          const range = { start: cmd.program.start, end: last.end };
          if (call.family === 'yum') {
            context.report({
              messageId: 'missingYes',
              data: { command: `${cmd.name} ${commandText(call)}` },
              range,
              fix: { title: 'Add `-y`', edits: [{ start: last.end, end: last.end, text: exec ? ', "-y"' : ' -y' }] },
            });
            return;
          }
          context.report({
            messageId: 'missingNonInteractive',
            data: { command: `zypper ${commandText(call)}`, subcommand: call.subcommand!.value },
            range,
            fix: {
              title: 'Add `--non-interactive`',
              edits: [{ start: cmd.program.end, end: cmd.program.end, text: exec ? ', "--non-interactive"' : ' --non-interactive' }],
            },
          });
        });
      },
    };
  },
});
