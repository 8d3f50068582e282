import { defineRule } from '~/engine/define-rule';
import { normalizePath } from '~/engine/mounts';

export default defineRule({
  name: 'apt-cache-mount-unlocked',
  meta: {
    type: 'problem',
    severity: 'info',
    description: 'Require `sharing=locked` on cache mounts of `/var/cache/apt` and `/var/lib/apt`',
    category: 'cache',
    scope: 'all-stages',
    fixable: 'safe',
    messages: {
      unlocked: 'apt needs exclusive access to `{{target}}`, but this cache mount is shared between concurrent builds. Add `sharing=locked`.',
      missingComma: 'The target `{{target}}` ends in `{{option}}`: a comma is missing, so the cache is mounted on a directory apt never uses and `{{option}}` is not an option. Write `,{{option}}`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const m of model.mounts(run)) {
          if (m.type !== 'cache') continue;
          const target = normalizePath(m.target ?? '');
          if (!/^\/var\/(cache\/apt|lib\/apt)(\/|$)/.test(target)) continue;
          // `target=/var/lib/apt/sharing=locked`: a `/` typed for the comma makes the option part of the path.
          const glued = /\/((?:sharing|id|mode|uid|gid|from|source|src|readonly|ro)=[^/]*)$/i.exec(m.target ?? '');
          if (glued) {
            if (!m.targetRange) continue;
            const { start, end } = model.offsets(m.targetRange);
            const slash = end - glued[0].length;
            if (model.text[slash] !== '/') continue;
            context.report({
              messageId: 'missingComma',
              data: { target: m.target ?? '', option: glued[1]! },
              range: { start, end },
              // A suggestion, not a fix: the cache moves to the directory apt uses, which changes the build.
              suggestions: [{ title: `Write \`,${glued[1]!}\``, edits: [{ start: slash, end: slash + 1, text: ',' }] }],
            });
            continue;
          }
          if (m.sharing && m.sharing !== 'shared') continue;
          const valueRange = m.flag.getValueRange();
          if (!valueRange) continue;
          let { start, end } = model.offsets(valueRange);
          // `--mount="type=cache,target=/var/cache/apt"`: report and extend inside the quotes.
          const value = model.text.slice(start, end);
          if (value.length > 1 && /^["']/.test(value) && value.endsWith(value[0]!)) { start++; end--; }
          const sharingOpt = m.flag.getOptions().find((o) => o.getName().toLowerCase() === 'sharing');
          const edit = sharingOpt?.getValueRange()
            ? { ...model.offsets(sharingOpt.getValueRange()!), text: 'locked' }
            : { start: end, end, text: ',sharing=locked' };
          context.report({
            messageId: 'unlocked',
            data: { target },
            range: { start, end },
            fix: { title: 'Add `sharing=locked`', edits: [edit] },
          });
        }
      },
    };
  },
});
