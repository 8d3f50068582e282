import { packageCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'apk-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require versions for packages installed with `apk add`',
    category: 'reproducibility',
    scope: 'all-stages',
    enabledByDefault: false,
    sources: ['hadolint:DL3018'],
    messages: {
      unpinned: '`{{pkg}}` is installed without a version, so each build gets whatever the Alpine branch holds that day. Pin it loosely (`{{pkg}}~<major.minor>`), since Alpine removes superseded versions and an exact pin breaks the build when it does.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          const call = packageCall(cmd);
          if (call?.manager !== 'apk' || call.subcommand?.value !== 'add') continue;
          for (const pkg of call.packages) {
            const v = pkg.value;
            // `=`, `~`, `<`, `>` constraints, local .apk files, variables.
            if (/[=~<>]/.test(v) || v.endsWith('.apk') || v.includes('$') || !v) continue;
            context.report({ messageId: 'unpinned', data: { pkg: v.replace(/@.*$/, '') }, range: { start: pkg.start, end: pkg.end } });
          }
        }
      },
    };
  },
});
