import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'redundant-target-platform',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Disallow `FROM --platform=$TARGETPLATFORM`, which is already the default',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3065', 'buildkit:RedundantTargetPlatform'],
    messages: {
      redundant: '`--platform=$TARGETPLATFORM` is what every stage uses by default. Remove the flag.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from) {
        const flag = from.getPlatformFlag();
        if (!flag || !/^\$\{?TARGETPLATFORM\}?$/.test(flag.getValue() ?? '')) return;
        const { start, end } = model.offsets(flag.getRange());
        let stop = end;
        while (model.text[stop] === ' ' || model.text[stop] === '\t') stop++;
        context.report({ messageId: 'redundant', range: { start, end }, fix: { title: 'Remove `--platform=$TARGETPLATFORM`', edits: [{ start, end: stop, text: '' }] } });
      },
    };
  },
});
