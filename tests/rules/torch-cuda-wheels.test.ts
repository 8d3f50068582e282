import rule from '~/rules/torch-cuda-wheels';
import { df, ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch torchvision --index-url https://download.pytorch.org/whl/cpu\n',
    { name: 'extra index', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu torch==2.4.0+cpu\n' },
    { name: '+cpu pin', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir "torch==2.4.0+cpu" -f https://download.pytorch.org/whl/torch_stable.html\n' },
    { name: 'CUDA base', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN pip install torch\n' },
    { name: 'env index', code: 'FROM python:3.12-slim\nENV PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir torch\n' },
    { name: 'torchmetrics is not torch', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torchmetrics\n' },
    { name: 'index URL from an ARG default', code: df`
      FROM python:3.12-slim
      ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
      RUN pip install torch==2.3.1 --index-url \${TORCH_INDEX}` },
    { name: 'extra index URL from an ENV', code: 'FROM python:3.12-slim\nENV TORCH_INDEX=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir --extra-index-url=$TORCH_INDEX torch\n' },
    { name: 'PIP_INDEX_URL from an ARG', code: 'FROM python:3.12-slim\nARG PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir torch\n' },
    { name: 'PIP_EXTRA_INDEX_URL built from an ARG', code: 'FROM python:3.12-slim\nARG TORCH_VARIANT=cpu\nENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/${TORCH_VARIANT}\nRUN pip install --no-cache-dir torch\n' },
    { name: 'PIP_INDEX_URL inline', code: 'FROM python:3.12-slim\nRUN PIP_INDEX_URL=https://download.pytorch.org/whl/cpu pip install --no-cache-dir torch\n' },
    { name: 'index from a --build-arg with no default', code: 'FROM python:3.12-slim\nARG TORCH_INDEX\nRUN pip install --no-cache-dir torch --index-url $TORCH_INDEX\n' },
    { name: 'uv --torch-backend cpu', code: 'FROM python:3.12-slim\nRUN uv pip install --system --torch-backend cpu torch\n' },
    { name: 'UV_TORCH_BACKEND=cpu', code: 'FROM python:3.12-slim\nENV UV_TORCH_BACKEND=cpu\nRUN uv pip install --system torch\n' },
    { name: 'UV_INDEX_URL from an ARG', code: 'FROM python:3.12-slim\nARG UV_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN uv pip install --system torch\n' },
    { name: 'a builder whose venv is copied into a CUDA final stage', code: df`
      FROM python:3.10-slim AS builder
      RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir torch==2.2.2 torchvision==0.17.2
      FROM nvidia/cuda:12.1.1-runtime-ubuntu22.04
      COPY --from=builder /opt/venv /opt/venv
      CMD ["/opt/venv/bin/python", "serve.py"]` },
    { name: 'through an intermediate stage, by index', code: df`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir --target /deps torch
      FROM python:3.11-slim AS collect
      COPY --from=0 /deps /deps
      FROM nvcr.io/nvidia/pytorch:24.05-py3
      COPY --from=collect /deps /deps` },
    { name: 'pytorch/pytorch is a CUDA image whatever the tag', code: 'FROM pytorch/pytorch\nRUN pip install --no-cache-dir torch==2.3.1 lightning==2.3.0\n' },
    { name: 'the ROCm index is chosen on purpose, and is not CUDA', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch==2.4.1 --index-url https://download.pytorch.org/whl/rocm6.1\n' },
    { name: 'uv --torch-backend for another accelerator', code: 'FROM python:3.12-slim\nRUN uv pip install --system --no-cache --torch-backend=xpu torch==2.7.0\n' },
    { name: 'a third-party base that may be a GPU image is not judged', code: 'FROM vllm/vllm-openai:v0.5.0\nRUN pip install --no-cache-dir torch==2.3.1\n' },
    { name: 'a builder copied into such a base is not judged either', code: 'FROM python:3.11-slim AS build\nRUN pip install --no-cache-dir --prefix=/install torch==2.3.1\nFROM ghcr.io/example/ml-runtime:2024.05\nCOPY --from=build /install /usr/local\n' },
    { name: 'an image named for GPUs', code: 'FROM huggingface/transformers-pytorch-gpu:4.41.2\nRUN pip install --no-cache-dir torch==2.3.1\n' },
    { name: 'a ROCm image', code: 'FROM rocm/dev-ubuntu-22.04:6.1.2\nRUN pip3 install --no-cache-dir torch==2.3.1\n' },
    { name: 'a cuXYZ tag', code: 'FROM ghcr.io/example/ml-base:py312-cu121\nRUN pip install --no-cache-dir torch\n' },
    { name: 'index options kept in a shell variable set in the RUN (InvokeAI: pip install $extra_index_url_arg torch)', code: 'FROM ubuntu:22.04\nARG GPU_DRIVER=cpu\nARG TORCH_VERSION=2.0.1\nRUN python3 -m venv /venv && if [ "$GPU_DRIVER" = cpu ]; then arg="--extra-index-url https://download.pytorch.org/whl/cpu"; else arg="--extra-index-url https://download.pytorch.org/whl/cu117"; fi && /venv/bin/pip install $arg torch==$TORCH_VERSION\n' },
    { name: 'index options in an ARG', code: 'FROM python:3.12-slim\nARG PIP_ARGS="--no-cache-dir --index-url https://download.pytorch.org/whl/cpu"\nRUN pip install ${PIP_ARGS} torch\n' },
    { name: 'a base image from a build argument without a default is unknown', code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN pip install --no-cache-dir torch==2.3.1\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch torchvision\n', errors: [{ messageId: 'cuda', line: 2, column: 32, endColumn: 37 }, { line: 2, column: 38, endColumn: 49 }] },
    { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir "torch>=2.3"\n', errors: [{ messageId: 'cuda', line: 2, column: 33, endColumn: 43 }] },
    { name: 'uv', code: 'FROM python:3.12-slim\nRUN uv pip install --system --no-cache torch==2.5.1\n', errors: 1 },
    {
      name: 'explicit CUDA index: the message names that index, not PyPI',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch --index-url https://download.pytorch.org/whl/cu121\n',
      errors: [{ messageId: 'cudaIndex', line: 2, column: 32, endColumn: 37, message: /^`torch` comes from the CUDA index `https:\/\/download\.pytorch\.org\/whl\/cu121`/ }],
    },
    {
      name: 'CUDA index from an ARG',
      code: 'FROM python:3.12-slim\nARG TORCH_INDEX=https://download.pytorch.org/whl/cu124\nRUN pip install --no-cache-dir torch --index-url ${TORCH_INDEX}\n',
      errors: [{ messageId: 'cudaIndex', message: /whl\/cu124/ }],
    },
    { name: 'CUDA index in PIP_EXTRA_INDEX_URL', code: 'FROM python:3.12-slim\nENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cu121\nRUN pip install --no-cache-dir torch\n', errors: [{ messageId: 'cudaIndex' }] },
    { name: 'options in an ARG that name a CUDA index', code: 'FROM python:3.12-slim\nARG PIP_ARGS="--extra-index-url=https://download.pytorch.org/whl/cu121"\nRUN pip install --no-cache-dir $PIP_ARGS torch\n', errors: [{ messageId: 'cudaIndex', line: 3, column: 42, endColumn: 47, message: /whl\/cu121/ }] },
    { name: 'options in an ARG with no index', code: 'FROM python:3.12-slim\nARG PIP_ARGS=--no-cache-dir\nRUN pip install $PIP_ARGS torch\n', errors: [{ messageId: 'cuda', line: 3, column: 27, endColumn: 32 }] },
    { name: 'PIP_INDEX_URL does not configure uv', code: 'FROM python:3.12-slim\nENV PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN uv pip install --system torch\n', errors: [{ messageId: 'cuda' }] },
    {
      name: 'a CPU target that no CUDA stage copies from',
      code: df`
        FROM python:3.12-slim AS cpu
        RUN pip install --no-cache-dir torch==2.4.0
        FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS gpu
        RUN pip install torch==2.4.0`,
      errors: [{ messageId: 'cuda', line: 2, column: 32, endColumn: 44 }],
    },
    {
      name: 'a +cuXYZ pin from a find-links page',
      code: 'FROM python:3.10-slim\nRUN pip install --no-cache-dir torch==2.1.0+cu118 -f https://download.pytorch.org/whl/torch_stable.html\n',
      errors: [{ messageId: 'cudaPin', line: 2, column: 32, endColumn: 50, message: /^`torch==2\.1\.0\+cu118` is pinned to a CUDA build \(`\+cu118`\)/ }],
    },
    { name: 'a python tag from a build argument is still a python image', code: 'ARG PY\nFROM python:${PY}-slim\nRUN pip install --no-cache-dir torch\n', errors: [{ messageId: 'cuda', line: 3 }] },
    { name: 'a conda image carries no CUDA', code: 'FROM continuumio/miniconda3:24.1.2-0\nRUN pip install --no-cache-dir torch==2.3.1\n', errors: [{ messageId: 'cuda', line: 2, column: 32, endColumn: 44 }] },
    { name: 'an Ubuntu image carries no CUDA', code: 'FROM ubuntu:24.04\nRUN pip3 install --break-system-packages --no-cache-dir torch==2.3.1\n', errors: [{ messageId: 'cuda', line: 2 }] },
    { name: 'behind poetry run', code: 'FROM python:3.12-slim\nRUN poetry run pip install --no-cache-dir torch==2.3.1\n', errors: [{ messageId: 'cuda', line: 2, column: 43, endColumn: 55 }] },
    { name: 'ARG declared after the RUN does not count', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch\nARG PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\n', errors: [{ messageId: 'cuda' }] },
  ],
});
