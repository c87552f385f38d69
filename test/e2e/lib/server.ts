// The demo EPJ over HTTP on 127.0.0.1 (an ephemeral port): the screens under test/fixtures/epj with
// per-file response headers from a sidecar headers.json (the strict-CSP screen gets a real header).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, extname, dirname, basename, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildFixtureBundles } from '../fixture-bundles';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Extra response headers per file come from a sidecar `headers.json` in the file's folder:
 * `{ "page.html": { "Content-Security-Policy": "..." } }`. That is how the strict-CSP screen
 * gets a real header (a <meta> CSP would not restrict everything a header does).
 */
function sidecarHeaders(file: string): Record<string, string> {
  const sidecar = join(dirname(file), 'headers.json');
  if (!existsSync(sidecar)) return {};
  try {
    const map = JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, Record<string, string>>;
    return map[basename(file)] ?? {};
  } catch {
    return {};
  }
}

export async function serveFixtures(root = 'test/fixtures/epj'): Promise<FixtureServer> {
  const base = resolve(root);
  // Screens built with real UI libraries are bundled first (only when stale).
  await buildFixtureBundles(root);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = resolve(base, '.' + pathname);
      // Never serve outside the fixture root.
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      // Browsers ask for a favicon on their own; answer without a 404 console error.
      if (pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...sidecarHeaders(file),
      });
      res.end(readFileSync(file));
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
    }
  });
  // Keep-alive sockets would hold close() open until their timeout.
  server.keepAliveTimeout = 1;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string) => new URL(path.replace(/^\/*/, '/'), origin).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
