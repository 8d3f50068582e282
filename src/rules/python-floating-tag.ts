import { defineRule } from '~/engine/define-rule';
import { imageRange } from '~/engine/stage-image';

export default defineRule({
  name: 'python-floating-tag',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Require Python base image tags to pin a minor version',
    category: 'reproducibility',
    scope: 'all-stages',
    messages: {
      floating: '`{{image}}` does not pin a Python minor version: it moves to the next one (and its new site-packages path, wheels and bytecode) without warning. Pin it, e.g. `python:3.12-slim`.',
    },
  },
  create(context) {
    return {
      FROM(from, stage) {
        const image = stage.image;
        if (!image?.python || image.digest || image.hasVariable) return;
        if (image.python.minorVersion) return;
        context.report({ messageId: 'floating', data: { image: from.getImage() ?? image.raw }, range: imageRange(stage, 'tag') });
      },
    };
  },
});
