import { PYTHON_EOL } from '~/engine/data/python-releases';
import { defineRule } from '~/engine/define-rule';
import { pythonVersionOf } from '~/engine/image';
import { imageRange } from '~/engine/stage-image';

export default defineRule({
  name: 'python-eol',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Disallow base images whose Python version is past its end of life',
    category: 'base-image',
    scope: 'all-stages',
    messages: {
      eol: 'Python {{version}} reached its end of life on {{date}}: it gets no security fixes, and its images are no longer rebuilt. Move to a supported version (3.12 or newer).',
    },
  },
  create(context) {
    const { model } = context;
    const today = model.today;
    return {
      FROM(from, stage) {
        // `pypy:3.9` follows PyPy's own support, not CPython's.
        if (stage.image?.name === 'pypy') return;
        const found = pythonVersionOf(stage.image);
        if (!found) return;
        const version = found.minor;
        const date = PYTHON_EOL[version];
        if (!date || date > today) return;
        // The version as written in the tag (`3.8` of `python:3.8-slim`, `3.9` of `uv:python3.9-bookworm`), else the image.
        const tag = from.getImageTagRange();
        const written = from.getImageTag() ?? '';
        let range = imageRange(stage);
        const end = (found.tagOffset ?? 0) + found.length;
        // Also when a variable comes after the version (`3.9.18-slim-${DEBIAN}`): the version is written out.
        if (tag && found.tagOffset !== null && !written.slice(0, end).includes('$')
          && written.slice(found.tagOffset, end).toLowerCase() === (stage.image?.tag ?? '').slice(found.tagOffset, end).toLowerCase()) {
          const start = model.offsets(tag).start + found.tagOffset;
          range = { start, end: start + Math.max(1, found.length) };
        }
        context.report({ messageId: 'eol', data: { version, date }, range });
      },
    };
  },
});
