import type { Instruction, Run } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';

/** The flags of a RUN (`--mount`, `--network`, `--security`), order aside. */
function flagKey(run: Run): string {
  return run.getFlags().map((f) => `${f.getName().toLowerCase()}=${f.getValue() ?? ''}`).sort().join(' ');
}

export default defineRule({
  name: 'consecutive-run',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest merging consecutive single-command `RUN` instructions that share the same flags',
    category: 'size',
    scope: 'all-stages',
    // Contested: fewer layers is not always better (see the rule page).
    enabledByDefault: false,
    sources: ['hadolint:DL3059'],
    onbuild: false,
    messages: {
      consecutive: 'This `RUN` and the one before it run one command each, with the same flags, and each makes its own layer. If they belong together (a step and the cleanup of its files must share a layer to save space), join them with `&&` in one `RUN`.',
    },
  },
  create(context) {
    const { model } = context;
    // The last RUN that a following single-command RUN would be compared with, as hadolint keeps it.
    let previous: { flags: string; count: number } | null = null;
    return {
      '*'(node: Instruction) {
        if (node.getKeyword() !== 'RUN') {
          // Comments are not instructions, so they never reach here; anything else breaks the run.
          previous = null;
          return;
        }
        const run = node as Run;
        const flags = flagKey(run);
        const count = model.commands(run).length;
        if (previous && previous.flags === flags && count <= 1 && previous.count <= 1) {
          // The remembered RUN stays: a third single-command RUN in a row is reported too.
          context.report({ messageId: 'consecutive', range: run.getInstructionRange() });
          return;
        }
        previous = { flags, count };
      },
    };
  },
});
