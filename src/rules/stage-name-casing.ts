import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'stage-name-casing',
  meta: {
    type: 'layout',
    severity: 'style',
    description: 'Require stage names to be lowercase',
    category: 'style',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['buildkit:StageNameCasing'],
    messages: {
      casing: 'Stage name `{{name}}` should be lowercase: stage names are matched case-insensitively, and lowercase avoids surprises. Use `{{lower}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(from) {
        const name = from.getBuildStage();
        const range = from.getBuildStageRange();
        if (!name || !range || name === name.toLowerCase()) return;
        const lower = name.toLowerCase();
        // The fix renames the stage and every reference to it (FROM <name>, COPY --from=<name>).
        const edits = [{ ...model.offsets(range), text: lower }];
        for (const instr of model.instructions) {
          const k = instr.getKeyword();
          if (k === 'FROM' && instr !== from) {
            const r = (instr as typeof from).getImageNameRange();
            if (r && (instr as typeof from).getImageName() === name) edits.push({ ...model.offsets(r), text: lower });
          }
          if (k === 'COPY' || k === 'RUN') {
            for (const f of (instr as unknown as { getFlags(): Array<{ getName(): string; getValueRange(): import('~/engine/types').LspRange | null; getValue(): string | null; getOptions(): Array<{ getName(): string; getValue(): string | null; getValueRange(): import('~/engine/types').LspRange | null }> }> }).getFlags()) {
              if (f.getName() === 'from' && f.getValue() === name && f.getValueRange()) edits.push({ ...model.offsets(f.getValueRange()!), text: lower });
              if (f.getName() === 'mount') for (const o of f.getOptions()) if (o.getName() === 'from' && o.getValue() === name && o.getValueRange()) edits.push({ ...model.offsets(o.getValueRange()!), text: lower });
            }
          }
        }
        context.report({ messageId: 'casing', data: { name, lower }, range, fix: { title: `Rename the stage to \`${lower}\``, edits } });
      },
    };
  },
});
