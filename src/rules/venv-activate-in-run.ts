import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'venv-activate-in-run',
  meta: {
    type: 'problem',
    severity: 'error',
    description: 'Disallow activating a virtualenv as the last command of a `RUN`, where the activation is lost',
    category: 'correctness',
    scope: 'all-stages',
    messages: {
      lost: 'Sourcing `{{script}}` only changes this `RUN`\'s shell, which exits right after: the next instruction does not see the virtualenv. Set `ENV PATH="/venv/bin:$PATH"` (with your venv path) instead.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        const cmds = model.commands(run);
        const last = cmds[cmds.length - 1];
        if (!last || (last.name !== '.' && last.name !== 'source')) return;
        const script = last.args[0];
        if (!script || !/(^|\/)activate$/.test(script.value)) return;
        context.report({ messageId: 'lost', data: { script: script.value }, range: { start: last.program.start, end: script.end } });
      },
    };
  },
});
