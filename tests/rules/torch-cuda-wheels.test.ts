import rule from '~/rules/torch-cuda-wheels';
import { ruleTester } from '../support/rule-tester';

ruleTester.run(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch torchvision --index-url https://download.pytorch.org/whl/cpu\n',
    { name: 'extra index', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir --extra-index-url https://download.pytorch.org/whl/cpu torch==2.4.0+cpu\n' },
    { name: '+cpu pin', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir "torch==2.4.0+cpu" -f https://download.pytorch.org/whl/torch_stable.html\n' },
    { name: 'CUDA base', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN pip install torch\n' },
    { name: 'env index', code: 'FROM python:3.12-slim\nENV PIP_INDEX_URL=https://download.pytorch.org/whl/cpu\nRUN pip install --no-cache-dir torch\n' },
    { name: 'torchmetrics is not torch', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torchmetrics\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir torch torchvision\n', errors: [{ messageId: 'cuda', line: 2, column: 32, endColumn: 37 }, { line: 2, column: 38, endColumn: 49 }] },
    { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir "torch>=2.3"\n', errors: 1 },
    { name: 'uv', code: 'FROM python:3.12-slim\nRUN uv pip install --system --no-cache torch==2.5.1\n', errors: 1 },
  ],
});
