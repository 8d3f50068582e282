import { pipInstall, uvInstall } from '~/engine/commands';
import { copyArgs } from '~/engine/copy';
import { defineRule } from '~/engine/define-rule';
import type { Word } from '~/engine/shell';

const WHEELS = /(\.whl$|(^|\/)(wheels?|wheelhouse|dist)(\/|$))/;

export default defineRule({
  name: 'wheels-left-in-image',
  meta: {
    type: 'suggestion',
    severity: 'warning',
    description: 'Disallow copying wheels into the final stage to install them; bind-mount them instead',
    category: 'size',
    scope: 'final-stage',
    messages: {
      left: 'The wheels copied here stay in this `COPY` layer after they are installed (line {{line}}), even if a later step deletes them: the image carries every package twice. Install with `RUN --mount=type=bind,from={{from}},source={{path}},target={{path}} pip install …` instead.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FinalStage(stage) {
        const copied: Array<{ source: Word; dest: string; from: string; path: string }> = [];
        for (const instr of stage.instructions) {
          const k = instr.getKeyword();
          if (k === 'COPY') {
            const args = copyArgs(model, instr);
            if (!args?.from || !args.destination) continue;
            for (const s of args.sources) {
              if (!WHEELS.test(s.value.replace(/\/+$/, ''))) continue;
              copied.push({ source: s, dest: args.destination.value.replace(/\/+$/, ''), from: args.from, path: s.value.replace(/\/\*.*$/, '').replace(/\/+$/, '') });
            }
            continue;
          }
          if (k !== 'RUN' || !copied.length) continue;
          for (const cmd of model.commands(instr)) {
            if (!pipInstall(cmd) && !uvInstall(cmd)) continue;
            for (const c of [...copied]) {
              const dest = c.dest || '/';
              if (!cmd.args.some((a) => a.value === dest || a.value.startsWith(`${dest}/`) || a.value === `${dest}/*.whl` || (a.value.endsWith('.whl') && dest.endsWith('.whl')))) continue;
              context.report({ messageId: 'left', data: { line: instr.getRange().start.line + 1, from: c.from, path: c.path }, range: { start: c.source.start, end: c.source.end } });
              copied.splice(copied.indexOf(c), 1);
            }
          }
        }
      },
    };
  },
});
