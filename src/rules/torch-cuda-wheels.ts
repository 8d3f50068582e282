import { pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { optionValue } from '~/engine/shell';

const TORCH = /^(torch|torchvision|torchaudio)([<>=!~\s[;]|$)/i;

export default defineRule({
  name: 'torch-cuda-wheels',
  meta: {
    type: 'suggestion',
    severity: 'info',
    description: 'Suggest the CPU wheel index for PyTorch in images without CUDA',
    category: 'size',
    scope: 'all-stages',
    messages: {
      cuda: '`{{pkg}}` from PyPI is the CUDA build on Linux: it pulls several GB of `nvidia-*` wheels into an image that has no GPU runtime. Install from `--index-url https://download.pytorch.org/whl/cpu` (or pin `+cpu`).',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const base = model.baseImage(stage);
        if (base && (/cuda|nvidia/.test(base.path) || /cuda|cudnn|gpu/.test(base.tag ?? ''))) return;
        const envIndex = model.envValue(stage, 'PIP_INDEX_URL', run)?.value ?? model.envValue(stage, 'UV_INDEX_URL', run)?.value ?? '';
        for (const cmd of model.commands(run)) {
          const call = pipInstall(cmd);
          const uv = call ? null : uvInstall(cmd);
          if (!call && !uv) continue;
          const args = call?.args ?? uv!.args;
          const index = [optionValue(args, ['--index-url', '-i'])?.value, optionValue(args, ['--extra-index-url'])?.value, optionValue(args, ['--default-index', '--index'])?.value, envIndex]
            .filter(Boolean).join(' ');
          if (/\/whl\/cpu/.test(index) || args.some((a) => a.value.startsWith('--torch-backend=cpu'))) continue;
          for (const a of args) {
            if (!TORCH.test(a.value) || /\+cpu/.test(a.value)) continue;
            context.report({ messageId: 'cuda', data: { pkg: a.value }, range: { start: a.start, end: a.end } });
          }
        }
      },
    };
  },
});
