import { aptCall, aptConfiguredBefore, aptSettings, variableWords } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';
import { hasFlag } from '~/engine/shell';

const FALSE = /^(0|false|no|off)$/i;

export default defineRule({
  name: 'apt-get-missing-no-install-recommends',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Require `--no-install-recommends` on `apt-get install`',
    category: 'size',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3015', 'trivy:DS-0029'],
    messages: {
      recommends: '`{{command}}` also installs every package the named ones merely recommend. Add `--no-install-recommends` and name the few extras you need (often `ca-certificates`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        for (const cmd of model.commands(run)) {
          const call = aptCall(cmd);
          const sub = call?.subcommand;
          if (!call || sub?.value !== 'install' || !call.packages.length) continue;
          if (hasFlag(call.options, ['--no-install-recommends'])) continue;
          // `apt-get install $APT_OPTS curl`: the option may be in the variable.
          const hidden = variableWords(model, context.inOnbuild ? null : stage, run, call);
          if (hidden.unknown || hidden.words.includes('--no-install-recommends')) continue;
          if (aptSettings(call).some((s) => /^APT::Install-Recommends$/i.test(s.name) && FALSE.test(s.value))) continue;
          if (!context.inOnbuild && aptConfiguredBefore(model, stage, run, /Install-Recommends\s*\\?"?\s*(false|0|no)\b/i)) continue;
          context.report({
            messageId: 'recommends',
            data: { command: `${cmd.name} install` },
            range: { start: cmd.program.start, end: sub.end },
            suggestions: [{
              title: 'Add `--no-install-recommends`',
              edits: [{ start: sub.end, end: sub.end, text: sub.raw.startsWith('"') ? ', "--no-install-recommends"' : ' --no-install-recommends' }],
            }],
          });
        }
      },
    };
  },
});
