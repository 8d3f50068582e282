/**
 * The local package index: a PEP 503 "simple" index over a directory of wheels, served by Node on
 * 127.0.0.1 while the images build (buildah's chroot isolation shares the host's network, so RUN
 * steps reach it). pip finds it through a pip.conf bind-mounted at /etc/pip.conf for every RUN
 * step, which never becomes part of an image.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

/** PEP 503 name normalization. */
export const normalizeName = (name: string) => name.replace(/[-_.]+/g, '-').toLowerCase();

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface IndexServer {
  url: string;
  port: number;
  /** Project name → wheel file names. */
  projects: Map<string, string[]>;
  close(): Promise<void>;
}

/** Serves the wheels of wheelDir as http://127.0.0.1:PORT/simple/ (PORT chosen by the system). */
export async function startIndex(wheelDir: string): Promise<IndexServer> {
  const wheels = readdirSync(wheelDir).filter((f) => f.endsWith('.whl')).sort();
  const projects = new Map<string, string[]>();
  const sha256 = new Map<string, string>();
  for (const w of wheels) {
    const name = normalizeName(w.split('-')[0]!);
    projects.set(name, [...(projects.get(name) ?? []), w]);
    sha256.set(w, createHash('sha256').update(readFileSync(join(wheelDir, w))).digest('hex'));
  }
  const page = (title: string, links: Array<[string, string]>) =>
    `<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.0"><title>${escapeHtml(title)}</title></head><body>\n` +
    links.map(([href, text]) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a><br>`).join('\n') +
    '\n</body></html>\n';

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    // The caching headers PyPI sends (pages: 10 minutes; files: immutable). pip's HTTP cache
    // (~/.cache/pip/http) only stores responses that allow it, so without them "pip's cache left in
    // the layer" would measure an empty cache.
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...(status === 200 ? { 'cache-control': 'max-age=600, public' } : {}) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (path === '/simple/' || path === '/simple') {
      return send(200, 'text/html', page('Simple index', [...projects.keys()].map((p) => [`${p}/`, p])));
    }
    const project = /^\/simple\/([^/]+)\/?$/.exec(path);
    if (project) {
      const files = projects.get(normalizeName(project[1]!));
      if (!files) return send(404, 'text/plain', 'not found\n');
      return send(200, 'text/html', page(`Links for ${project[1]}`, files.map((f) => [`../../files/${f}#sha256=${sha256.get(f)}`, f])));
    }
    const file = /^\/files\/([^/]+\.whl)$/.exec(path);
    if (file && sha256.has(file[1]!)) {
      const full = join(wheelDir, basename(file[1]!));
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': statSync(full).size,
        'cache-control': 'max-age=365000000, immutable, public',
        etag: `"${sha256.get(file[1]!)}"`,
      });
      if (req.method === 'HEAD') return res.end();
      return createReadStream(full).pipe(res);
    }
    return send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/simple/`,
    port,
    projects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The pip.conf that points pip at the index (bind-mounted read-only at /etc/pip.conf). */
export function pipConf(index: IndexServer): string {
  return ['[global]', `index-url = ${index.url}`, 'trusted-host = 127.0.0.1', 'disable-pip-version-check = true', ''].join('\n');
}
