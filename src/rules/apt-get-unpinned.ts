import { aptCall } from '~/engine/apt';
import { defineRule } from '~/engine/define-rule';

const RELEASE_OPTIONS = /^(-t|--target-release|--default-release)(=.*)?$/;

export default defineRule({
  name: 'apt-get-unpinned',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require versions for packages installed with `apt-get install`',
    category: 'reproducibility',
    scope: 'all-stages',
    enabledByDefault: false,
    sources: ['hadolint:DL3008'],
    messages: {
      unpinned: '`{{pkg}}` is installed without a version, so each build gets whatever the archive holds that day. Pin it (`{{pkg}}=<version>`) if this package must not change, or rely on a pinned base image and a snapshot mirror (see the rule page).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const cmd of model.commands(run)) {
          const call = aptCall(cmd);
          if (!call || call.subcommand?.value !== 'install') continue;
          // `-t bookworm-backports` chooses the release for every package, as `pkg/release` does.
          if (call.options.some((o) => RELEASE_OPTIONS.test(o.value))) continue;
          for (const pkg of call.packages) {
            const v = pkg.value;
            // Pinned (`=`), a release (`/`), a local or downloaded .deb, or a variable.
            if (v.includes('=') || v.includes('/') || v.endsWith('.deb') || v.includes('$') || !v) continue;
            context.report({ messageId: 'unpinned', data: { pkg: v }, range: { start: pkg.start, end: pkg.end } });
          }
        }
      },
    };
  },
});
