import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'user-non-numeric',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest a numeric `USER` in the final stage',
    category: 'security',
    scope: 'final-stage',
    sources: ['hadolint:DL3066'],
    messages: {
      named: '`USER {{user}}` is a name: Kubernetes `runAsNonRoot` cannot verify it (it needs a numeric UID), and the host sees only the number. Use the UID (`USER 10001`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(stage) {
        const user = model.user(stage);
        if (!user || user.value.includes('$')) return;
        const name = user.value.trim().split(':')[0] ?? '';
        if (!name || /^\d+$/.test(name) || name === 'root') return;
        context.report({ messageId: 'named', data: { user: user.value.trim() }, range: user.instruction.getArgumentsRange() ?? user.instruction.getRange() });
      },
    };
  },
});
