import { defineRule } from '~/engine/define-rule';

const ROOT = /^(root|0)(:.*)?$/;

export default defineRule({
  name: 'sudo-in-run',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow `sudo` in `RUN`',
    category: 'security',
    scope: 'all-stages',
    fixable: 'unsafe',
    sources: ['hadolint:DL3004', 'trivy:DS-0010', 'checkov:CKV2_DOCKER_1'],
    messages: {
      asRoot: '`sudo` is not needed: this step already runs as root, and most base images do not install `sudo`, so the build fails. Remove it.',
      asUser: '`sudo` in a build step: switch with `USER root` before the steps that need root, and back to `USER {{user}}` after them, instead of shipping `sudo` in the image.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const cmds = model.commands(run);
        // Only RUNs that use sudo need the USER in effect (a scan of earlier instructions).
        if (!cmds.some((c) => c.name === 'sudo' || c.wrappers.includes('sudo'))) return;
        const seen = new Set<number>();
        const user = context.inOnbuild ? null : model.userBefore(stage, run);
        const root = user === null || ROOT.test(user);
        const runStart = model.offsets(run.getRange()).start;
        for (const cmd of cmds) {
          let start: number;
          let end: number;
          if (cmd.name === 'sudo') {
            ({ start, end } = cmd.program);
          } else if (cmd.wrappers.includes('sudo')) {
            // The last `sudo` word before the program (it may sit outside an `sh -c` script).
            const before = model.text.slice(runStart, cmd.program.start);
            const matches = [...before.matchAll(/(^|[\s"'/;&|(])sudo(?=[\s"']|$)/g)];
            const m = matches[matches.length - 1];
            if (!m) continue;
            start = runStart + m.index! + m[1]!.length;
            end = start + 4;
          } else continue;
          if (seen.has(start)) continue;
          seen.add(start);
          const removable = cmd.name !== 'sudo' && /^sudo[ \t]+(?![-\s])/.exec(model.text.slice(start, cmd.program.end));
          context.report({
            messageId: root ? 'asRoot' : 'asUser',
            data: { user: user ?? 'root' },
            range: { start, end },
            suggestions: root && removable ? [{ title: 'Remove `sudo`', edits: [{ start, end: start + removable[0].length, text: '' }] }] : [],
          });
        }
      },
    };
  },
});
