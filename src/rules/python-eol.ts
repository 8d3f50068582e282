import { PYTHON_EOL } from '~/engine/data/python-releases';
import { defineRule } from '~/engine/define-rule';
import { tagPrefix } from '~/engine/stage-image';

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
      FROM(_from, stage) {
        const python = stage.image?.python;
        const version = python?.minorVersion ?? (python?.major === 2 ? '2.7' : null);
        if (!python || !version || stage.image?.name !== 'python') return;
        const date = PYTHON_EOL[version];
        if (!date || date > today) return;
        context.report({ messageId: 'eol', data: { version, date }, range: tagPrefix(model, stage, python.version?.length ?? 0) });
      },
    };
  },
});
