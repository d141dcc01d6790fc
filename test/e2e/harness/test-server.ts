/**
 * The local HTTP server e2e pages come from (127.0.0.1 only). It serves pages from memory
 * and logs every request, so a test can see exactly what the browser asked for.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  readonly origin: string;
  /** Every request line received, as `METHOD path`. */
  readonly requests: string[];
  /** Serve `html` at `path` (with optional extra headers, e.g. a strict CSP). */
  page(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const page = pages.get((request.url ?? '/').split('?')[0] ?? '/');
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return origin + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
