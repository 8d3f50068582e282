import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'invalid-default-arg-in-from',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require global `ARG` defaults to give `FROM` a valid image name',
    category: 'correctness',
    scope: 'all-stages',
    sources: ['buildkit:InvalidDefaultArgInFrom'],
    messages: {
      invalid: 'With the default values of its `ARG`s this `FROM` becomes `{{image}}`, which is not a valid image reference: the build fails unless every caller passes `--build-arg`. Give the `ARG` a default.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from, stage) {
        const written = from.getImage() ?? '';
        if (!written.includes('$')) return;
        // Substitute with defaults only; unset variables expand to nothing, as BuildKit does.
        // BuildKit expands `FROM` as a shell word, so quotes are removed: `FROM "${base_image}"` is valid.
        // What is left unexpanded names variables without a value (any `${…}` form, nested ones from the inside out).
        let image = stage.imageText.replace(/["']/g, '');
        for (let before = ''; before !== image;) {
          before = image;
          image = image.replace(/\$\{[^{}]*\}/g, '');
        }
        image = image.replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, '');
        const valid = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[a-z0-9]+:[0-9a-f]{32,})?$/.test(image);
        if (valid) return;
        context.report({ messageId: 'invalid', data: { image: image || '(empty)' }, range: from.getImageRange() ?? from.getRange() });
      },
    };
  },
});
