import { baseUser } from '~/engine/build-env';
import { defineRule } from '~/engine/define-rule';
import type { Stage } from '~/engine/model';

/** Options of useradd, Debian's adduser and BusyBox's adduser that take the next word as their value. */
const WITH_VALUE = /^(-[ugGdscekfKpRPbZh]|--(uid|gid|groups|home-dir|home|shell|comment|gecos|skel|expiredate|inactive|key|password|root|prefix|base-dir|selinux-user|ingroup|firstuid|lastuid|conf|add-extra-groups))$/;

/** Google's distroless images (`gcr.io/distroless/python3-debian12`) and Chainguard's (`cgr.dev/chainguard/python`). */
const DISTROLESS = /^((gcr\.io|docker\.io)\/)?distroless\/|^cgr\.dev\/chainguard\//;

export default defineRule({
  name: 'user-non-numeric',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest a numeric `USER` in the final stage',
    category: 'security',
    scope: 'final-stage',
    sources: ['hadolint:DL3066'],
    messages: {
      named: '`USER {{user}}` is a name: Kubernetes `runAsNonRoot` cannot verify it (it needs a numeric UID), and the host sees only the number. {{advice}}.',
    },
  },
  create(context) {
    const { model } = context;
    /**
     * Whether a `useradd`/`adduser` of the stage or its parents creates `name`, and the UID it gives
     * it when it sets one.
     */
    const uidOf = (stage: Stage, name: string): { created: boolean; uid: string | null } => {
      let uid: string | null = null;
      let created = false;
      for (const s of [...model.lineage(stage)].reverse()) {
        for (const i of s.instructions) {
          if (i.getKeyword() !== 'RUN') continue;
          for (const c of model.commands(i)) {
            if (c.name !== 'useradd' && c.name !== 'adduser') continue;
            let value: string | null = null;
            const positional: string[] = [];
            const words = c.args.map((a) => a.value);
            for (let k = 0; k < words.length; k++) {
              const w = words[k]!;
              const long = /^--uid=(.*)$/.exec(w) ?? /^-u(\d+)$/.exec(w);
              if (long) { value = long[1]!; continue; }
              if (WITH_VALUE.test(w)) {
                if (w === '-u' || w === '--uid') value = words[k + 1] ?? null;
                k++;
                continue;
              }
              // A cluster of short options (`-ms /bin/bash`, `-mu 1000`, `-Ds/bin/sh`): the first that takes a
              // value takes the rest of the word, or the next word when it is last.
              if (/^-[A-Za-z]{2,}/.test(w)) {
                const at = w.slice(1).search(/[ugGdscekfKpRPbZh]/) + 1;
                if (at > 0) {
                  const rest = w.slice(at + 1);
                  if (w[at] === 'u') value = rest || (words[k + 1] ?? null);
                  if (!rest) k++;
                }
                continue;
              }
              if (!w.startsWith('-')) positional.push(w);
            }
            // `--uid "${UID}"` with `ARG UID=10001` (docker init's template).
            if (value !== null && value.includes('$')) value = model.resolveInStage(value, s, i);
            // `useradd -u $UID $UNAME` with `ARG UNAME=python`: the name comes from a variable too.
            const named = positional[0]?.includes('$') ? model.resolveInStage(positional[0], s, i) : positional[0];
            if (named !== name) continue;
            created = true;
            uid = value !== null && /^\d+$/.test(value) ? value : null;
          }
        }
      }
      return { created, uid };
    };
    return {
      FinalStage(stage) {
        const user = model.user(stage);
        if (!user || user.value.includes('$')) return;
        const value = user.value.trim();
        const name = value.split(':')[0] ?? '';
        if (!name || /^\d+$/.test(name) || name === 'root') return;
        const made = uidOf(stage, name);
        // A user the file never creates comes from the base image: its UID when the image is known
        // (airflow 50000, jovyan 1000, mambauser 57439); `nobody` is 65534 on Debian, Ubuntu and Alpine alike.
        const inherited = made.created ? null : baseUser(model, stage);
        const uid = made.uid
          ?? (inherited?.user === name ? inherited.uid : null)
          ?? (!made.created && name === 'nobody' ? '65534' : null)
          // www-data is 33 on Debian and Ubuntu (82 on Alpine).
          ?? (!made.created && name === 'www-data' && /^(debian|ubuntu)$/.test(model.baseImage(stage)?.distro?.distro ?? '') ? '33' : null)
          // Google's distroless and Chainguard images have `nonroot` as 65532 (the `:nonroot` tags run as it),
          // and no shell to run `id -u` in.
          ?? (!made.created && name === 'nonroot' && DISTROLESS.test(model.baseImage(stage)?.raw.toLowerCase() ?? '') ? '65532' : null);
        const group = value.slice(name.length);
        const useradd = `${model.baseImage(stage)?.distro?.distro === 'alpine' ? 'adduser -D -u 10001' : 'useradd --uid 10001'} ${name}`;
        const advice = uid !== null
          ? `Write its UID: \`USER ${uid}${group}\``
          : made.created
            ? `Write its numeric UID instead (\`id -u ${name}\` in the image prints it), or create the user with a fixed one (\`${useradd}\`) and write \`USER 10001\``
            // Not created here, so the base image should have it, and a second `useradd` of it would fail.
            : `Write its numeric UID instead (\`id -u ${name}\` in the image prints it). This file never creates \`${name}\`: if the base image does not have it either, create it with a fixed one (\`${useradd}\`) and write \`USER 10001\``;
        context.report({ messageId: 'named', data: { user: value, advice }, range: user.instruction.getArgumentsRange() ?? user.instruction.getRange() });
      },
    };
  },
});
