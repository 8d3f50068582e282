import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'wget-without-progress',
  meta: {
    type: 'layout',
    severity: 'info',
    description: 'Require `wget` in builds to limit its progress output',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3047'],
    messages: {
      progress: '`wget` without `--progress` (or `-q`/`-nv`) prints a progress bar line by line into the build log, thousands of lines for a large file. Add `--progress=dot:giga`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const c of model.commands(run)) {
          if (c.name !== 'wget') continue;
          const words = c.args.map((a) => a.value);
          if (words.some((w) => /^--progress(=|$)/.test(w) || w === '-q' || w === '--quiet' || w === '-nv' || w === '--no-verbose' || /^-[a-zA-Z]*q[a-zA-Z]*$/.test(w) || w === '-o' || w.startsWith('--output-file'))) continue;
          context.report({ messageId: 'progress', range: { start: c.program.start, end: c.program.end }, fix: { title: 'Add `--progress=dot:giga`', edits: [{ start: c.program.end, end: c.program.end, text: ' --progress=dot:giga' }] } });
        }
      },
    };
  },
});
