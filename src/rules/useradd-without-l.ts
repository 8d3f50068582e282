import { defineRule } from '~/engine/define-rule';

/** The apparent size of `/var/log/lastlog` once `uid` is recorded (a 292-byte record per UID on Linux x86-64). */
function lastlogSize(uid: number): string {
  const bytes = (uid + 1) * 292;
  const units: Array<[number, string]> = [[1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB']];
  for (const [n, unit] of units) {
    if (bytes >= n) return `about ${Number((bytes / n).toPrecision(2))} ${unit}`;
  }
  return `about ${Math.round(bytes / 1e3)} kB`;
}

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
      lastlog: '`useradd` with UID {{uid}} and without `-l` writes a sparse `/var/log/lastlog` of {{size}} (292 bytes for every UID up to this one), and the image layer stores it in full. Add `--no-log-init`.',
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
          context.report({ messageId: 'lastlog', data: { uid, size: lastlogSize(Number(uid)) }, range: { start: c.program.start, end: c.program.end }, fix: { title: 'Add `--no-log-init`', edits: [{ start: c.program.end, end: c.program.end, text: ' --no-log-init' }] } });
        }
      },
    };
  },
});
