import type { Instruction } from 'dockerfile-ast';
import { copyArgs, fromStage } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { ImageRef } from '~/engine/image';
import type { DockerfileModel, Stage } from '~/engine/model';
import { programWord, runtimeCommands, runtimeInstructions } from '~/engine/runtime';
import { optionValue, type Command } from '~/engine/shell';

const ROOT = /^(root|0)(:.*)?$/;

/**
 * Base images whose own last `USER` is unprivileged, by repository path: micromamba (`mambaorg/micromamba`,
 * `ghcr.io/mamba-org/micromamba`; mambauser), Apache Airflow (airflow, uid 50000), Apache Spark (`apache/spark`; spark, uid 185; `apache/spark-py`, uid 185), Ray (`rayproject/ray`, `rayproject/ray-ml`; ray, uid 1000), the Jupyter Docker Stacks
 * (`jupyter/*-notebook`, also on quay.io, and `jupyterhub/singleuser` built on them; jovyan) and the Red Hat / Software Collections Python images (`ubi9/python-311`,
 * `sclorg/python-312-c9s`; uid 1001); and AWS Lambda's base images (`public.ecr.aws/lambda/python`,
 * `amazon/aws-lambda-python`), whose functions Lambda runs as its own least-privileged user whatever the image says.
 */
const NON_ROOT_BASES = /^(mambaorg\/micromamba|mamba-org\/micromamba|apache\/airflow|apache\/spark(-py)?|rayproject\/ray(-ml)?|jupyterhub\/singleuser|jupyter\/([a-z0-9-]+-notebook|docker-stacks-foundation)|(ubi\d+|rhel\d+|rhscl|sclorg|centos\d*)\/python-\d+[a-z0-9.-]*|lambda\/[a-z0-9.-]+|amazon\/aws-lambda-[a-z0-9.-]+)$/;

export default defineRule({
  name: 'root-final-user',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require the final stage to switch to a non-root user',
    category: 'security',
    scope: 'final-stage',
    fixable: 'unsafe',
    sources: ['hadolint:DL3002', 'trivy:DS-0002', 'checkov:CKV_DOCKER_3', 'checkov:CKV_DOCKER_8'],
    messages: {
      noUser: 'The final stage never sets `USER`, so the container runs as root. Create an unprivileged user and switch to it with a numeric `USER`.',
      noUserDropTool: 'The final stage never sets `USER`, so the container starts as root. The image installs `{{tool}}` and starts through {{script}}: if that script drops to an unprivileged user with it, ignore this finding here; otherwise create an unprivileged user and switch to it with a numeric `USER`.',
      rootUser: 'The last `USER` of the final stage is `{{user}}`: the container runs as root. Switch to an unprivileged user after the steps that need root.',
      rootUserByDefault: 'The last `USER` of the final stage, `{{raw}}`, is `{{user}}` with the default values of its variables: the container runs as root unless the build overrides them. Default to an unprivileged user.',
    },
  },
  create(context) {
    return {
      'Dockerfile:exit'() {
        const { model } = context;
        const stage = model.finalStage;
        if (!stage) return;
        const base = model.baseImage(stage);
        // Images that already run unprivileged (distroless :nonroot, Chainguard) need no USER.
        // Docker Hardened Images run as `nonroot` except their `-dev` and `-sdk` build variants.
        const dhiRuntime = base?.registry === 'dhi.io' && !/(^|-)(dev|sdk)(-|$)/.test(base.tag ?? '');
        if (base && (/nonroot/.test(base.tag ?? '') || base.registry === 'cgr.dev' || dhiRuntime || NON_ROOT_BASES.test(base.path.toLowerCase()))) {
          if (!model.user(stage)) return;
        }
        if (base?.isScratch && !model.user(stage)) return;
        // Windows containers have no root: they run as ContainerAdministrator or ContainerUser.
        if (base?.python?.variant === 'windows') return;
        const user = model.user(stage);
        // `ENTRYPOINT ["gosu", "app", "gunicorn", …]`: the server itself runs as the user named there.
        if ((!user || ROOT.test(user.value.trim())) && dropsPrivileges(model, stage)) return;
        if (!user) {
          const insertAt = model.text.length;
          const sep = /[\r\n]$/.test(model.text) || !model.text ? '' : '\n';
          // paperless-ngx, mealie: root at start, `exec gosu app "$@"` in the entrypoint script (which is not read).
          const drop = dropToolInStartScript(model, stage);
          context.report({
            messageId: drop ? 'noUserDropTool' : 'noUser',
            range: stage.from.getImageRange() ?? stage.from.getRange(),
            ...(drop ? { data: drop } : {}),
            suggestions: [addUser(base, insertAt, sep)],
          });
          return;
        }
        if (user.value.includes('$')) return;
        if (!ROOT.test(user.value.trim())) return;
        const range = user.instruction.getArgumentsRange() ?? user.instruction.getRange();
        // `USER $UID:$GID` with `ARG UID=0`: name what the file says, and what it resolves to.
        const raw = (user.instruction.getArgumentsContent() ?? '').trim();
        if (raw !== user.value.trim()) {
          context.report({ messageId: 'rootUserByDefault', range, data: { raw, user: user.value.trim() } });
          return;
        }
        context.report({ messageId: 'rootUser', range, data: { user: user.value.trim() } });
      },
    };
  },
});

/**
 * The suggestion that ends the file as an unprivileged user, in the base image's own terms:
 * distroless has no shell to run `useradd` but ships the `nonroot` user (uid 65532); Alpine's
 * BusyBox has `adduser`, not `useradd`.
 */
function addUser(base: ImageRef | null, at: number, sep: string): { title: string; edits: Array<{ start: number; end: number; text: string }> } {
  if (base && base.path.toLowerCase().startsWith('distroless/')) {
    return { title: 'Switch to distroless\'s `nonroot` user (uid 65532) at the end', edits: [{ start: at, end: at, text: `${sep}USER 65532\n` }] };
  }
  const create = base?.distro?.distro === 'alpine' || base?.python?.variant === 'alpine'
    ? 'RUN adduser -S -D -H -u 10001 app'
    : 'RUN useradd --system --uid 10001 --no-log-init --no-create-home app';
  return { title: 'Create an unprivileged user and switch to it at the end', edits: [{ start: at, end: at, text: `${sep}${create}\nUSER 10001\n` }] };
}

/**
 * Servers that switch to another user themselves before they serve anything: uWSGI with `--uid`
 * (or `UWSGI_UID`, since uWSGI reads every `UWSGI_*` variable as an option; its master process drops
 * too unless `--master-as-root`), and a Celery worker with `--uid` (wagtail/bakerydemo's
 * `ENV UWSGI_UID=1000`, `celery -A app worker --uid=nobody`). gunicorn's `--user` is not one: its
 * master process stays root.
 */
function serverDropsPrivileges(model: DockerfileModel, stage: Stage, main: Command): boolean {
  const unprivileged = (v: string | undefined): boolean => !!v && !ROOT.test(v.trim());
  if (programWord(main, 'uwsgi')) {
    if (main.args.some((a) => a.value === '--master-as-root')) return false;
    return unprivileged(optionValue(main.args, ['--uid'])?.value) || unprivileged(model.envValue(stage, 'UWSGI_UID')?.value);
  }
  if (programWord(main, 'celery')) return unprivileged(optionValue(main.args, ['--uid'])?.value);
  return false;
}

/**
 * Whether the container's main command visibly drops root through `gosu <user>` or `su-exec <user>`
 * (`ENTRYPOINT ["gosu", "app", "gunicorn", …]`, `CMD chown -R app /data && exec gosu app python app.py`).
 */
function dropsPrivileges(model: DockerfileModel, stage: Stage): boolean {
  const commands = runtimeCommands(model, stage);
  const main = commands[commands.length - 1]?.command;
  if (!main) return false;
  if (serverDropsPrivileges(model, stage, main)) return true;
  if (!main.wrappers.some((w) => w === 'gosu' || w === 'su-exec')) return false;
  const head = model.text.slice(main.start, main.program.start);
  const m = /(?:^|[\s"'/,[])(?:gosu|su-exec)["']?[\s,]+["']?([^\s"',\]]+)/.exec(head);
  return !!m && !ROOT.test(m[1]!);
}

/** A program started by `CMD` that is a script of the image (`./bin/docker-entrypoint-api.sh`, `/start`), not a server or an interpreter. */
const SCRIPT_PATH = /^(\.{0,2}\/|[^/\s]+\.(sh|bash)$)/;
const NOT_SCRIPTS = /^(python[\d.]*|pypy[\d.]*|gunicorn|uvicorn|uwsgi|celery|daphne|hypercorn|granian|waitress-serve|flask|django-admin|streamlit|gradio|node|java|nginx|httpd|apache2|supervisord|tini|dumb-init|gosu|su-exec|(ba|da|z|a|k)?sh)$/;

/**
 * `gosu` or `su-exec` brought into the final image (installed with a package manager, downloaded, or
 * copied from `tianon/gosu`) when the container starts through a script that is not itself a visible
 * drop: an `ENTRYPOINT` (the usual "start as root, fix volume ownership, then `exec gosu app "$@"`"
 * entrypoint script), or, with no `ENTRYPOINT`, a `CMD` that runs a script of the image
 * (plane: `CMD ["./bin/docker-entrypoint-api.sh"]`, which ends in `exec su-exec plane "$0" "$@"`).
 * Returns the tool's name and how the message names the script, or null.
 */
function dropToolInStartScript(model: DockerfileModel, stage: Stage): { tool: string; script: string } | null {
  const { entrypoint, cmd } = runtimeInstructions(model, stage);
  let script: string | null = null;
  if (entrypoint) script = 'an `ENTRYPOINT` script';
  else if (cmd) {
    const main = runtimeCommands(model, stage).at(-1)?.command;
    // `./manage.py runserver` is the application, not a start script that hands over to it.
    if (main && SCRIPT_PATH.test(main.program.value) && !NOT_SCRIPTS.test(main.name) && !main.name.endsWith('.py')) script = `a \`CMD\` script (\`${main.program.value}\`)`;
  }
  if (!script) return null;
  const named = (instr: Instruction) => /(?:^|[\s/=:"'])(gosu|su-exec)(?=$|[\s/"':-])/.exec(instr.getArgumentsContent() ?? '')?.[1];
  for (const s of model.lineage(stage)) {
    for (const instr of s.instructions) {
      const k = instr.getKeyword();
      if (k !== 'RUN' && k !== 'COPY' && k !== 'ADD') continue;
      const tool = named(instr);
      if (tool) return { tool, script };
      // Synapse: a stage downloads the gosu package (`apt-get download … gosu …`) and unpacks it; the final stage copies its `/usr`.
      const from = k === 'COPY' ? copyArgs(model, instr)?.from : undefined;
      const source = from ? fromStage(model, from, s) : null;
      const fetched = source?.instructions.find((i) => i.getKeyword() === 'RUN' && named(i));
      if (fetched) return { tool: named(fetched)!, script };
    }
  }
  return null;
}
