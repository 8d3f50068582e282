import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'from-as-casing',
  meta: {
    type: 'layout',
    severity: 'style',
    description: 'Require the `AS` keyword to match the case of `FROM`',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['buildkit:FromAsCasing'],
    messages: {
      casing: '`{{as}}` does not match the case of `{{from}}`. Write `{{wanted}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from) {
        const keyword = from.getInstruction();
        const args = from.getArguments();
        const as = args.find((a, i) => i > 0 && a.getValue().toLowerCase() === 'as' && args[i + 1]);
        if (!as) return;
        const isUpper = keyword === keyword.toUpperCase();
        const isLower = keyword === keyword.toLowerCase();
        const wanted = isUpper ? 'AS' : isLower ? 'as' : null;
        if (!wanted || as.getValue() === wanted) return;
        const r = model.offsets(as.getRange());
        context.report({ messageId: 'casing', data: { as: as.getValue(), from: keyword, wanted }, range: r, fix: { title: `Write \`${wanted}\``, edits: [{ ...r, text: wanted }] } });
      },
    };
  },
});
