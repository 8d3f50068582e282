import { aptCall, aptConfiguredBefore, aptSettings, variableWords } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { hasFlag } from '~/engine/shell';

/** Subcommands that ask "Do you want to continue? [Y/n]". */
const PROMPTING = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'autopurge', 'build-dep']);
const TRUE = /^(1|true|yes|on)$/i;

export default defineRule({
  name: 'apt-get-missing-yes',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Require `-y` on `apt-get` commands that ask for confirmation',
    category: 'apt',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3014', 'trivy:DS-0021'],
    messages: {
      missingYes: '`{{command}}` without `-y` asks for confirmation, and a build cannot answer: the step aborts as soon as apt has more to do than exactly what you named. Add `-y`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        cmds.forEach((cmd, i) => {
          const call = aptCall(cmd);
          const sub = call?.subcommand;
          if (!call || !sub || !PROMPTING.has(sub.value)) return;
          if (hasFlag(call.options, ['-y', '--yes', '--assume-yes'])) return;
          // `apt-get install $APT_OPTS curl`: the option may be in the variable.
          const hidden = variableWords(model, context.inOnbuild ? null : stage, run, call);
          if (hidden.unknown || hidden.words.some((w) => /^(-[a-zA-Z]*y[a-zA-Z]*|--yes|--assume-yes|-qq)$/.test(w))) return;
          // Quiet level 2 (`-qq`, `-q=2`, `-q -q`) implies -y.
          let quiet = 0;
          for (const o of call.options) {
            const level = /^(?:-q|--quiet)=(\d+)$/.exec(o.value);
            if (level) quiet += Number(level[1]);
            else if (/^-[a-zA-Z]+$/.test(o.value)) quiet += [...o.value].filter((c) => c === 'q').length;
          }
          if (quiet >= 2) return;
          if (aptSettings(call).some((s) => /^APT::Get::Assume-Yes$/i.test(s.name) && TRUE.test(s.value))) return;
          // `yes | apt-get install …`
          if (cmd.joinedBy === '|' && cmds[i - 1]?.name === 'yes') return;
          if (!context.inOnbuild) {
            if (aptConfiguredBefore(model, stage, run, /Assume-Yes\s*\\?"?\s*(true|1|yes)/i)) return;
          }
          context.report({
            messageId: 'missingYes',
            data: { command: `${cmd.name} ${sub.value}` },
            range: { start: cmd.program.start, end: sub.end },
            fix: {
              title: 'Add `-y`',
              edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "-y"' : ' -y' }],
            },
          });
        });
      },
    };
  },
});
