import { defineRule } from '~/engine/define-rule';
import { rpmCall } from '~/engine/rpm';

export default defineRule({
  name: 'zypper-dist-upgrade',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow `zypper dist-upgrade` in images built on a fixed SUSE release',
    category: 'reproducibility',
    scope: 'all-stages',
    sources: ['hadolint:DL3035'],
    messages: {
      distUpgrade: '`zypper {{subcommand}}` upgrades the whole system to whatever the repositories hold, and can move it across a release, vendor or package split that the base image was not built for. Use a newer base image tag instead, or `zypper patch` / `zypper update` for fixes within the release.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        // On Tumbleweed, a rolling release, `zypper dup` is the documented way to update.
        const chain = model.lineage(stage);
        if (/(^|\/)tumbleweed(:|@|$)/i.test(chain[chain.length - 1]!.imageText)) return;
        for (const cmd of model.commands(run)) {
          const call = rpmCall(cmd);
          const sub = call?.subcommand;
          if (call?.family !== 'zypper' || !sub || (sub.value !== 'dist-upgrade' && sub.value !== 'dup')) continue;
          context.report({ messageId: 'distUpgrade', data: { subcommand: sub.value }, range: { start: cmd.program.start, end: sub.end } });
        }
      },
    };
  },
});
