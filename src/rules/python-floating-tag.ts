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
      floating: '`{{image}}` does not pin a Python minor version: it moves to the next one (and its new site-packages path, wheels and bytecode) without warning. Pin it, e.g. `{{example}}`.',
    },
  },
  create(context) {
    return {
      FROM(from, stage) {
        const image = stage.image;
        if (!image?.python || image.digest || image.hasVariable) return;
        if (image.python.minorVersion) return;
        // `python:2` is 2.7 for good (no 2.8 will come); `devcontainers/python:1-3.12` starts with the image's own version.
        if (image.python.major !== null && image.python.major !== 3) return;
        // No tag, or `latest`: base-image-untagged and base-image-latest report that same word and ask
        // for a version already; a second finding on it would only repeat them.
        if (!image.tag || image.tag === 'latest') return;
        // The same variant with a minor version: `python:3-alpine3.20` → `python:3.12-alpine3.20`, `python:slim` → `python:3.12-slim`.
        const rest = (image.tag ?? '').replace(/^(\d+|latest)(?=-|$)/i, '');
        const suffix = rest && !rest.startsWith('-') ? `-${rest}` : rest;
        // The repository as written (`cgr.dev/chainguard/python`), so the example names an image that exists.
        const repository = image.raw.slice(0, image.raw.length - image.tag.length - 1);
        const example = `${repository}:${image.name === 'pypy' ? '3.10' : '3.12'}${suffix}`;
        context.report({ messageId: 'floating', data: { image: from.getImage() ?? image.raw, example }, range: imageRange(stage, 'tag') });
      },
    };
  },
});
