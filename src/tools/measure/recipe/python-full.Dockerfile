# Stand-in for python:3.11 (bookworm): buildpack-deps:bookworm plus the runtime dependencies of
# docker-library/python's 3.11/bookworm/Dockerfile (MIT). Instead of compiling CPython a second
# time, /usr/local is copied from the python:3.11-slim stand-in, which was compiled from the same
# source with the same configure flags (the full recipe differs only by a gdb helper file); one
# extra small layer runs ldconfig, which the official image does inside its compile step.
FROM python:3.11-slim AS compiled

FROM buildpack-deps:bookworm

# ensure local python is preferred over distribution python
ENV PATH /usr/local/bin:$PATH

# the official image keeps LANG for compatibility
ENV LANG C.UTF-8

# runtime dependencies
RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		libbluetooth-dev \
		tk-dev \
		uuid-dev \
	; \
	rm -rf /var/lib/apt/lists/*

ENV PYTHON_VERSION 3.11.2

COPY --from=compiled /usr/local /usr/local
RUN ldconfig && python3 --version && pip3 --version

CMD ["python3"]
