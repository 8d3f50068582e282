/**
 * Dockerfiles for the playground's preset menu, written by us: the patterns of the articles this
 * project grew from (a two-stage model-serving image) in their common variants, a recommended
 * single-stage image, and one bad example per guide.
 */
export interface Preset {
  id: string;
  title: string;
  group: 'Serving images' | 'Recommended' | 'Guide examples';
  dockerfile: string;
  dockerignore?: string;
}

const servingSitePackages = `FROM python:3.10 AS builder
ENV APP_HOME=/srv/detector
WORKDIR \${APP_HOME}

# CPU wheels of torch come from their own index
RUN pip install --no-cache-dir torch torchvision \\
    --index-url https://download.pytorch.org/whl/cpu

COPY ./requirements.txt \${APP_HOME}/requirements.txt
RUN pip install --no-cache-dir --upgrade -r \${APP_HOME}/requirements.txt

COPY ./app \${APP_HOME}/app
RUN find \${APP_HOME}/app -name '*.py[co]' -delete \\
    && python -m compileall -b \${APP_HOME}/app \\
    && find \${APP_HOME}/app -name '*.py' -delete

FROM python:3.10
ENV APP_HOME=/srv/detector
WORKDIR \${APP_HOME}
RUN apt-get update \\
    && apt-get install -y libgl1-mesa-glx \\
    && apt-get clean \\
    && rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages
COPY --from=builder /usr/local/bin /usr/local/bin
COPY --from=builder \${APP_HOME}/app \${APP_HOME}/app
EXPOSE 80
COPY ./static \${APP_HOME}/static
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "80"]
`;

const servingCacheMounts = `# syntax=docker/dockerfile:1
FROM python:3.10 AS builder
ENV APP_HOME=/srv/detector
WORKDIR \${APP_HOME}
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu
RUN pip config set global.index-url http://pypi.mirror.example/simple
COPY ./requirements.txt \${APP_HOME}/requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install --no-cache-dir -r \${APP_HOME}/requirements.txt
COPY ./app \${APP_HOME}/app

FROM python:3.10-slim
ENV APP_HOME=/srv/detector
WORKDIR \${APP_HOME}
RUN rm -f /etc/apt/apt.conf.d/docker-clean
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
    --mount=type=cache,target=l,sharing=locked \\
    apt update && \\
    apt-get install libglib2.0-0 libsm6 libxrender1 libxext6 libgl1-mesa-glx --no-install-recommends -y && \\
    rm -rf /var/lib/apt/lists/*
COPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.10/site-packages
COPY --from=builder /usr/local/bin /usr/local/bin
COPY --from=builder \${APP_HOME}/app \${APP_HOME}/app
EXPOSE 80
CMD ["gunicorn", "-w", "4", "-k", "uvicorn.workers.UvicornWorker", "app.main:app", "--bind", "0.0.0.0:80"]
`;

const servingVenv = `# syntax=docker/dockerfile:1
FROM python:3.12-slim-bookworm AS builder
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /build
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu \\
 && pip install -r requirements.txt

FROM python:3.12-slim-bookworm
ENV PYTHONUNBUFFERED=1 PATH="/opt/venv/bin:$PATH"
RUN useradd --system --uid 10001 --no-log-init --no-create-home app
COPY --from=builder /opt/venv /opt/venv
WORKDIR /srv/app
COPY app ./app
USER 10001
EXPOSE 8000
CMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "-w", "2", "-k", "uvicorn_worker.UvicornWorker", "--bind", "0.0.0.0:8000", "app.main:app"]
`;

const servingWheels = `FROM python:3.12 AS builder
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

FROM python:3.12-slim
ENV PYTHONUNBUFFERED=1
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir --no-index /wheels/* && rm -rf /wheels
WORKDIR /srv/app
COPY . .
USER 10001
CMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "--bind", "0.0.0.0:8000", "app.main:app"]
`;

const recommended = `# syntax=docker/dockerfile:1
FROM python:3.12-slim-bookworm
ENV PYTHONUNBUFFERED=1 \\
    PYTHONDONTWRITEBYTECODE=1 \\
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN useradd --system --uid 10001 --no-log-init --no-create-home app
WORKDIR /srv/app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install -r requirements.txt
COPY . .
USER 10001
EXPOSE 8000
CMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "--workers", "2", "--bind", "0.0.0.0:8000", "app.main:app"]
`;

const recommendedIgnore = `.git
**/.venv
**/venv
**/__pycache__
**/*.pyc
.env
.pytest_cache
.mypy_cache
`;

export const PRESETS: readonly Preset[] = [
  { id: 'serving-site-packages', group: 'Serving images', title: 'Two stages, site-packages copied', dockerfile: servingSitePackages },
  { id: 'serving-cache-mounts', group: 'Serving images', title: 'Two stages, cache mounts and a mirror index', dockerfile: servingCacheMounts },
  { id: 'serving-venv', group: 'Serving images', title: 'Two stages, virtualenv copied', dockerfile: servingVenv },
  { id: 'serving-wheels', group: 'Serving images', title: 'Two stages, wheels copied', dockerfile: servingWheels },
  { id: 'recommended', group: 'Recommended', title: 'Single stage on slim, recommended settings', dockerfile: recommended, dockerignore: recommendedIgnore },
  { id: 'guide-gunicorn', group: 'Guide examples', title: 'gunicorn without a tmpfs heartbeat', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 10001\nCMD ["gunicorn", "--workers", "2", "app:app"]\n' },
  { id: 'guide-caches', group: 'Guide examples', title: 'pip cache in the layer, wasted cache mount', dockerfile: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install --no-cache-dir gunicorn\n' },
  { id: 'guide-layer-order', group: 'Guide examples', title: 'Source copied before dependencies', dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
  { id: 'guide-base-images', group: 'Guide examples', title: 'Floating and end-of-life base images', dockerfile: 'FROM python:3-slim AS build\nFROM python:3.8-slim-buster\nCOPY --from=build /usr/local/lib/python3.13/site-packages /usr/local/lib/python3.8/site-packages\n' },
  { id: 'guide-alpine', group: 'Guide examples', title: 'Compiling wheels on Alpine', dockerfile: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN pip install --no-cache-dir pandas\n' },
  { id: 'guide-non-root', group: 'Guide examples', title: 'Running as root', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
  { id: 'guide-dev-servers', group: 'Guide examples', title: 'A development server in the image', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 10001\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--reload"]\n' },
  { id: 'guide-signals', group: 'Guide examples', title: 'Variables in exec form', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PORT=8000\nUSER 10001\nCMD ["gunicorn", "--worker-tmp-dir", "/dev/shm", "--bind", "0.0.0.0:$PORT", "app:app"]\n' },
  { id: 'guide-env', group: 'Guide examples', title: 'Environment variables: an empty PYTHONPATH entry', dockerfile: 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\nCOPY . /app\nUSER 10001\nCMD ["python", "-m", "app"]\n' },
  { id: 'guide-dockerignore', group: 'Guide examples', title: '.dockerignore with root-only patterns', dockerfile: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["python", "-m", "app"]\n', dockerignore: '.git\n__pycache__\n*.pyc\n' },
  { id: 'guide-multi-stage', group: 'Guide examples', title: 'Multi-stage: site-packages across Python versions', dockerfile: 'FROM python:3.10 AS builder\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.10/site-packages /usr/local/lib/python3.12/site-packages\nCOPY --from=builder /usr/local/bin /usr/local/bin\n' },
  { id: 'guide-apt', group: 'Guide examples', title: 'apt without -y, recommends or cleanup', dockerfile: 'FROM python:3.12-slim-bookworm\nRUN apt update\nRUN apt install libpq5\n' },
  { id: 'guide-bytecode', group: 'Guide examples', title: 'Deleting the sources after compileall', dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app ./app\nRUN python -m compileall -b /app && find /app -name \'*.py\' -delete\n' },
  { id: 'guide-opencv-torch', group: 'Guide examples', title: 'OpenCV GUI libraries and CUDA torch', dockerfile: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libgl1-mesa-glx libsm6 libxext6 \\\n && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir opencv-python torch torchvision\n' },
  { id: 'guide-uv', group: 'Guide examples', title: 'uv without a lock check or link mode', dockerfile: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.10.4 /uv /bin/uv\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --no-dev\n' },
  { id: 'guide-venv', group: 'Guide examples', title: 'Activating a virtualenv in RUN', dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN . /opt/venv/bin/activate\nRUN pip install --no-cache-dir flask\n' },
];

export const DEFAULT_PRESET = PRESETS[0]!;
