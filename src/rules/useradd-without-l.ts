import { defineRule } from '~/engine/define-rule';

export default defineRule({
  name: 'useradd-without-l',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `useradd -l` (`--no-log-init`) when creating a user with a high UID',
    category: 'size',
    scope: 'all-stages',
    fixable: 'safe',
    sources: ['hadolint:DL3046'],
    messages: {
      lastlog: '`useradd` with UID {{uid}} and without `-l` writes a sparse `/var/log/lastlog` sized by the UID, which some storage drivers turn into gigabytes in the layer. Add `--no-log-init`.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run) {
        for (const c of model.commands(run)) {
          if (c.name !== 'useradd') continue;
          const words = c.args.map((a) => a.value);
          if (words.some((w) => w === '-l' || w === '--no-log-init' || /^-[a-zA-Z]*l[a-zA-Z]*$/.test(w))) continue;
          const i = words.findIndex((w) => w === '-u' || w === '--uid' || w.startsWith('--uid=') || /^-u\d+$/.test(w));
          if (i < 0) continue;
          const uid = words[i]!.startsWith('--uid=') ? words[i]!.slice(6) : /^-u\d+$/.test(words[i]!) ? words[i]!.slice(2) : words[i + 1] ?? '';
          if (!/^\d+$/.test(uid) || Number(uid) < 65536) continue;
          context.report({ messageId: 'lastlog', data: { uid }, range: { start: c.program.start, end: c.program.end }, fix: { title: 'Add `--no-log-init`', edits: [{ start: c.program.end, end: c.program.end, text: ' --no-log-init' }] } });
        }
      },
    };
  },
});
