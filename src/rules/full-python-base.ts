import { defineRule } from '~/engine/define-rule';
import { isDevelopmentStage } from '~/engine/runtime';
import { imageRange } from '~/engine/stage-image';

export default defineRule({
  name: 'full-python-base',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Require the final stage to use a `-slim` Python image rather than the full one',
    category: 'size',
    scope: 'final-stage',
    fixable: 'unsafe',
    messages: {
      full: 'The image that ships is built on the full `{{image}}` (about 1 GB of compilers, headers and libraries). Use `-slim` for the final stage, and the full image only in a builder stage if you need it.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(stage) {
        // A last stage named `dev`/`test`/`ci` is the development image by design: compilers are welcome there.
        if (isDevelopmentStage(stage)) return;
        const root = model.lineage(stage).at(-1)!;
        const image = root.image;
        // The official image (or a mirror of it): other images named python (`cimg/python`,
        // `public.ecr.aws/lambda/python`, `bitnami/python`) have no `-slim` variant to move to.
        // Docker Hardened Images (`dhi.io/python:3.11`) are minimal runtime images despite the bare tag.
        const official = image?.registry !== 'dhi.io' && (image?.path === 'python' || /(^|\/)library\/python$/.test(image?.path ?? ''));
        if (!image?.python || !official || image.python.variant !== 'full' || image.hasVariable) return;
        const tag = root.from.getImageTagRange();
        const written = root.from.getImageTag() ?? '';
        const suggestions = [];
        // With a digest the tag is not what is pulled: a new tag needs a new digest, which only the registry knows.
        if (tag && written && !written.includes('$') && !image.digest) {
          const { start, end } = model.offsets(tag);
          const v = image.python.version ?? written;
          const codename = image.distro?.explicit ? `-${image.distro.codename}` : '';
          if (image.python.version) suggestions.push({ title: `Use \`python:${v}-slim${codename}\``, edits: [{ start, end, text: `${v}-slim${codename}` }] });
        }
        context.report({ messageId: 'full', data: { image: root.from.getImage() ?? image.raw }, range: imageRange(root, 'image'), suggestions });
      },
    };
  },
});
