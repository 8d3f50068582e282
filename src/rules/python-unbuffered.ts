import type { Env } from 'dockerfile-ast';
import { defineRule } from '~/engine/define-rule';
import { pythonModule } from '~/engine/commands';
import { misspelledEnvReport, pythonOption, runtimeCommands, runtimeInstructions } from '~/engine/runtime';

/** AWS Lambda's Python base images (`public.ecr.aws/lambda/python`, `amazon/aws-lambda-python`), by repository path. */
const LAMBDA_PYTHON_BASE = /^(lambda\/python|amazon\/aws-lambda-python)$/;

export default defineRule({
  name: 'python-unbuffered',
  meta: {
    type: 'problem',
    severity: 'warning',
    description: 'Require `PYTHONUNBUFFERED` in the final Python stage so logs reach `docker logs` as they happen',
    category: 'runtime',
    scope: 'final-stage',
    fixable: 'safe',
    messages: {
      missing: 'The final stage runs Python without `PYTHONUNBUFFERED`: stdout is block-buffered in a container, so logs arrive late or are lost on a crash. Add `ENV PYTHONUNBUFFERED=1`.',
      empty: '`PYTHONUNBUFFERED` is set to an empty value, which Python treats as unset. Set it to `1`.',
      misspelled: '`{{name}}` is not a variable Python reads, so stdout stays block-buffered and logs arrive late or are lost on a crash. Rename it to `PYTHONUNBUFFERED`.',
    },
  },
  create(context) {
    return {
      'Dockerfile:exit'() {
        const { model } = context;
        const stage = model.finalStage;
        if (!stage || !model.isPythonStage(stage)) return;
        const entry = model.envValue(stage, 'PYTHONUNBUFFERED');
        if (entry && entry.value !== '') return;
        // `CMD ["python", "-u", "app.py"]`: the interpreter's own switch for the same thing.
        const runtime = runtimeCommands(model, stage);
        if (runtime.some((r) => pythonOption(r.command, 'u'))) return;
        // AWS Lambda's runtime interface client (`awslambdaric`) wraps stdout and stderr in a stream that
        // flushes every write before it loads the handler: on a Lambda base image whose entry point is
        // left alone, or with `python -m awslambdaric` as the container command, nothing is buffered.
        if (!entry) {
          const base = model.baseImage(stage);
          // `ENTRYPOINT ["/lambda-entrypoint.sh"]` (AWS's samples write it out) is the base image's own entry point.
          const entrypoint = runtimeInstructions(model, stage).entrypoint;
          if (base && LAMBDA_PYTHON_BASE.test(base.path.toLowerCase())
            && (!entrypoint || /^\s*(\[\s*"?)?(\/var\/runtime\/bootstrap|\/lambda-entrypoint\.sh)"?\s*\]?\s*$/.test(entrypoint.getArgumentsContent() ?? ''))) return;
          if (runtime.some((r) => /^(python|pypy)(\d+(\.\d+)?)?$/.test(r.command.name) && pythonModule(r.command.args)?.name === 'awslambdaric')) return;
        }
        if (entry) {
          // The `PYTHONUNBUFFERED=` pair itself, not the whole ENV.
          const prop = (entry.instruction as Env).getProperties().filter((p) => p.getName() === 'PYTHONUNBUFFERED').pop();
          context.report({ messageId: 'empty', range: prop?.getRange() ?? entry.instruction.getRange() });
          return;
        }
        // `ENV PYTHONBUFFERED=1`: the author meant to set it; point at the typo and rename it.
        const typo = misspelledEnvReport(model, stage, 'PYTHONUNBUFFERED', 'misspelled');
        if (typo) {
          context.report(typo);
          return;
        }
        const from = stage.from;
        const range = from.getImageRange() ?? from.getRange();
        const insertAt = model.lines.lineEnd(model.offsets(from.getRange()).end);
        const needsBreak = insertAt === model.text.length && !/[\r\n]$/.test(model.text);
        context.report({
          messageId: 'missing',
          range,
          fix: {
            title: 'Add `ENV PYTHONUNBUFFERED=1` after the final FROM',
            edits: [{ start: insertAt, end: insertAt, text: `${needsBreak ? '\n' : ''}ENV PYTHONUNBUFFERED=1\n` }],
          },
        });
      },
    };
  },
});
