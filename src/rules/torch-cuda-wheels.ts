import { buildVar } from '~/engine/build-env';
import { pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import { optionValue, type Word } from '~/engine/shell';

const TORCH = /^(torch|torchvision|torchaudio)([<>=!~\s[;]|$)/i;
const CPU_INDEX = /\/whl\/(nightly\/|test\/)?cpu/;
const CUDA_INDEX = /\/whl\/(nightly\/|test\/)?cu\d+(\/|$)/;
/** Index options of pip and uv: the value replaces or adds to PyPI. */
const INDEX_FLAGS = ['--index-url', '-i', '--extra-index-url', '--default-index', '--index', '--find-links', '-f'];
/** The environment variables that give each tool an index. */
const INDEX_VARS = {
  pip: ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS'],
  uv: ['UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_INDEX', 'UV_FIND_LINKS'],
} as const;

/** Every value of the options `names` (an option may be given several times): `--opt v`, `--opt=v`, `-iv`. */
function optionValues(args: readonly Word[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!.value;
    if (a === '--') break;
    for (const n of names) {
      if (a === n) {
        if (args[k + 1]) out.push(args[k + 1]!.value);
        k++;
        break;
      }
      if (n.startsWith('--') ? a.startsWith(`${n}=`) : n.length === 2 && a.startsWith(n) && a.length > 2 && !a.startsWith('--')) {
        out.push(a.slice(n.startsWith('--') ? n.length + 1 : n.length));
        break;
      }
    }
  }
  return out;
}

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
      cudaIndex: '`{{pkg}}` comes from the CUDA index `{{url}}`: it pulls several GB of `nvidia-*` wheels into an image whose base is not a CUDA image. If the container runs without a GPU, install from `https://download.pytorch.org/whl/cpu` instead.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        const base = model.baseImage(stage);
        if (base && (/cuda|nvidia/.test(base.path) || /cuda|cudnn|gpu/.test(base.tag ?? ''))) return;
        const cmds = model.commands(run);
        for (const cmd of cmds) {
          const call = pipInstall(cmd);
          const uv = call ? null : uvInstall(cmd);
          if (!call && !uv) continue;
          const tool = call?.tool ?? 'uv';
          const args = call?.args ?? uv!.args;
          // The indexes as the command sees them: `${TORCH_INDEX}` expanded with the ARG and ENV values in effect.
          const indexes = optionValues(args, INDEX_FLAGS).map((u) => model.resolveInStage(u, stage, run));
          for (const name of INDEX_VARS[tool]) {
            const v = buildVar(model, stage, name, run, cmd, cmds);
            if (v?.value) indexes.push(...model.resolveInStage(v.value, stage, v.instruction ?? run).split(/\s+/).filter(Boolean));
          }
          // An index given by a variable with no known value (a `--build-arg`): where torch comes from is unknown.
          if (indexes.some((u) => u.includes('$'))) continue;
          if (indexes.some((u) => CPU_INDEX.test(u))) continue;
          const backend = optionValue(args, ['--torch-backend'])?.value ?? buildVar(model, stage, 'UV_TORCH_BACKEND', run, cmd, cmds)?.value;
          const torchBackend = tool === 'uv' && backend ? model.resolveInStage(backend, stage, run).trim().toLowerCase() : '';
          // uv's `auto` picks the build from the GPU driver it finds, and a build has none: CPU wheels.
          if (torchBackend === 'cpu' || torchBackend === 'auto' || torchBackend.includes('$')) continue;
          const cudaIndex = indexes.find((u) => CUDA_INDEX.test(u)) ?? (/^cu\d+$/.test(torchBackend) ? `https://download.pytorch.org/whl/${torchBackend}` : undefined);
          for (const a of args) {
            if (!TORCH.test(a.value) || /\+cpu/.test(a.value)) continue;
            if (cudaIndex) context.report({ messageId: 'cudaIndex', data: { pkg: a.value, url: cudaIndex }, range: { start: a.start, end: a.end } });
            else context.report({ messageId: 'cuda', data: { pkg: a.value }, range: { start: a.start, end: a.end } });
          }
        }
      },
    };
  },
});
