import { buildVar } from '~/engine/build-env';
import { pipInstall, uvInstall } from '~/engine/commands';
import { defineRule } from '~/engine/define-rule';
import type { ImageRef } from '~/engine/image';
import type { DockerfileModel, Stage } from '~/engine/model';
import { optionValue, type Word } from '~/engine/shell';
import { resolveStageRef, stageRefs } from '~/engine/stage-refs';

const TORCH = /^(torch|torchvision|torchaudio)([<>=!~\s[;]|$)/i;
const CPU_INDEX = /\/whl\/(nightly\/|test\/)?cpu/;
const CUDA_INDEX = /\/whl\/(nightly\/|test\/)?cu\d+(\/|$)/;
/** PyTorch's indexes for other accelerators (AMD ROCm, Intel XPU): chosen on purpose, and not CUDA. */
const OTHER_ACCELERATOR_INDEX = /\/whl\/(nightly\/|test\/)?(rocm[\d.]*|xpu)(\/|$)/;
/** Index options of pip and uv: the value replaces or adds to PyPI. */
const INDEX_FLAGS = ['--index-url', '-i', '--extra-index-url', '--default-index', '--index', '--find-links', '-f'];
/** The environment variables that give each tool an index. */
const INDEX_VARS = {
  pip: ['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_FIND_LINKS'],
  uv: ['UV_INDEX_URL', 'UV_EXTRA_INDEX_URL', 'UV_DEFAULT_INDEX', 'UV_INDEX', 'UV_FIND_LINKS'],
} as const;

/**
 * A base image that carries CUDA: `nvidia/cuda`, NGC images (`nvcr.io/nvidia/…`), `pytorch/pytorch`
 * (every tag is a CUDA build), an image or a tag that names a GPU (`huggingface/transformers-pytorch-gpu`,
 * `tensorflow/tensorflow:2.16.1-gpu`) or ROCm, or a tag that names CUDA, cuDNN or a `cuXYZ` build. A base
 * whose name (or, but for `python`, whose tag) holds a build argument without a default is unknown,
 * and counts as one.
 */
function cudaBase(base: ImageRef | null): boolean {
  if (!base) return false;
  if (base.name.includes('$') || ((base.tag ?? '').includes('$') && !/^(python|pypy)$/.test(base.name))) return true;
  return /cuda|nvidia|rocm|^pytorch\/pytorch$|(^|[-_/.])gpu($|[-_/.])/i.test(base.path) || /cuda|cudnn|gpu|rocm|(^|[-_.])cu\d{2,3}($|[-_.])/i.test(base.tag ?? '');
}

/**
 * Images known to carry no CUDA: the official Python and distribution images (also any image whose
 * tag names a distribution release), and common CPU images for Python (conda/mamba, uv, distroless,
 * Lambda, Azure Functions, dev containers, Jupyter, Airflow, Red Hat). Any other base may be a GPU
 * image that does not say so in its name (`vllm/vllm-openai`, an in-house ML base): not judged.
 */
const CPU_IMAGES = /^(library\/)?(debian|ubuntu|alpine|buildpack-deps|fedora|centos|rockylinux|almalinux|amazonlinux|archlinux|busybox)$|^(continuumio|condaforge|mambaorg|mamba-org|tiangolo|astral-sh|jupyter|jupyterhub|apache|bitnami|cimg|circleci|heroku|sclorg)\/|^(distroless\/python|lambda\/python|amazon\/aws-lambda-python|azure-functions\/python|devcontainers\/python|vscode\/devcontainers\/python|ubi\d+\/python|rhel\d+\/python)/;
function knownCpuBase(base: ImageRef | null): boolean {
  if (!base || base.isScratch) return true;
  if (cudaBase(base)) return false;
  return !!base.python || !!base.distro || CPU_IMAGES.test(base.path.toLowerCase());
}

/** Stages whose files end up in a stage with a CUDA base: that stage, its parents, and every stage it copies or mounts from, transitively. */
const cudaFed = new WeakMap<DockerfileModel, Set<Stage>>();
function feedsCudaImage(model: DockerfileModel, stage: Stage): boolean {
  let set = cudaFed.get(model);
  if (!set) {
    const found = new Set<Stage>();
    const visit = (s: Stage): void => {
      for (const t of model.lineage(s)) {
        if (found.has(t)) continue;
        found.add(t);
        for (const instr of t.instructions) {
          for (const ref of stageRefs(model, instr, t)) {
            const target = resolveStageRef(model, ref.value);
            const from = target.kind === 'stage' || target.kind === 'index' ? target.stage : null;
            if (from) visit(from);
          }
        }
      }
    };
    for (const s of model.stages) if (!knownCpuBase(model.baseImage(s))) visit(s);
    cudaFed.set(model, set = found);
  }
  return set.has(stage);
}

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
      cudaPin: '`{{pkg}}` is pinned to a CUDA build (`+{{variant}}`): it brings several GB of CUDA libraries into an image whose base is not a CUDA image. If the container runs without a GPU, pin the `+cpu` build from `https://download.pytorch.org/whl/cpu` instead.',
      cudaIndex: '`{{pkg}}` comes from the CUDA index `{{url}}`: it pulls several GB of `nvidia-*` wheels into an image whose base is not a CUDA image. If the container runs without a GPU, install from `https://download.pytorch.org/whl/cpu` instead.',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(run, stage) {
        // A CUDA base (or one not known to be without CUDA), or a builder whose files are copied into
        // a stage on such a base (`COPY --from=builder /venv /venv`).
        if (feedsCudaImage(model, stage)) return;
        const cmds = model.commands(run);
        for (const cmd of cmds) {
          const call = pipInstall(cmd);
          const uv = call ? null : uvInstall(cmd);
          if (!call && !uv) continue;
          const tool = call?.tool ?? 'uv';
          const args = call?.args ?? uv!.args;
          // Only an install of torch is read further (resolving variables costs a walk of the stage).
          if (!args.some((a) => TORCH.test(a.value) && !/\+cpu/.test(a.value))) continue;
          // The indexes as the command sees them: `${TORCH_INDEX}` expanded with the ARG and ENV values in effect.
          const indexes = optionValues(args, INDEX_FLAGS).map((u) => model.resolveInStage(u, stage, run));
          for (const name of INDEX_VARS[tool]) {
            const v = buildVar(model, stage, name, run, cmd, cmds);
            if (v?.value) indexes.push(...model.resolveInStage(v.value, stage, v.instruction ?? run).split(/\s+/).filter(Boolean));
          }
          // Options kept in a variable (`pip install $extra_index_url_arg torch`, InvokeAI): the words it
          // expands to, with the ARG and ENV values in effect.
          for (const a of args) {
            if (!/^\$(\{\w+\}|\w+)$/.test(a.value)) continue;
            const words = model.resolveInStage(a.value, stage, run).split(/\s+/).filter(Boolean);
            indexes.push(...optionValues(words.map((value) => ({ value, raw: value, start: 0, end: 0 })), INDEX_FLAGS));
            if (words.some((w) => w.includes('$'))) indexes.push(a.value);
          }
          // An index given by a variable with no known value (a `--build-arg`, a shell variable set in the
          // `RUN`): where torch comes from is unknown.
          if (indexes.some((u) => u.includes('$'))) continue;
          if (indexes.some((u) => CPU_INDEX.test(u) || OTHER_ACCELERATOR_INDEX.test(u))) continue;
          const backend = optionValue(args, ['--torch-backend'])?.value ?? buildVar(model, stage, 'UV_TORCH_BACKEND', run, cmd, cmds)?.value;
          const torchBackend = tool === 'uv' && backend ? model.resolveInStage(backend, stage, run).trim().toLowerCase() : '';
          // uv's `auto` picks the build from the GPU driver it finds, and a build has none: CPU wheels.
          // `rocm6.2`, `xpu`: another accelerator, chosen on purpose.
          if (torchBackend === 'cpu' || torchBackend === 'auto' || torchBackend.includes('$') || /^(rocm|xpu)/.test(torchBackend)) continue;
          const cudaIndex = indexes.find((u) => CUDA_INDEX.test(u)) ?? (/^cu\d+$/.test(torchBackend) ? `https://download.pytorch.org/whl/${torchBackend}` : undefined);
          for (const a of args) {
            if (!TORCH.test(a.value) || /\+cpu/.test(a.value)) continue;
            // A quoted word (`"torch>=2.3"`, an exec-form string) is reported without its quotes.
            const quoted = a.raw.length >= 2 && /^["']/.test(a.raw) && a.raw.endsWith(a.raw[0]!) && a.raw.slice(1, -1) === a.value;
            const range = quoted ? { start: a.start + 1, end: a.end - 1 } : { start: a.start, end: a.end };
            // `torch==2.1.0+cu118` (from a find-links page or a CUDA index): the pin itself names the CUDA build.
            const cudaPin = /\+(cu\d+)/.exec(a.value);
            if (cudaPin) context.report({ messageId: 'cudaPin', data: { pkg: a.value, variant: cudaPin[1]! }, range });
            else if (cudaIndex) context.report({ messageId: 'cudaIndex', data: { pkg: a.value, url: cudaIndex }, range });
            else context.report({ messageId: 'cuda', data: { pkg: a.value }, range });
          }
        }
      },
    };
  },
});
