/**
 * Stopping an HTTP server without cutting requests off: stop accepting connections, let the
 * requests in flight finish, and only after a grace period close what is still open.
 */
import type { Server, ServerResponse } from 'node:http';

export interface Drain {
  /** True when the grace period ran out and open connections were closed with requests unfinished. */
  forced: boolean;
}

export interface GracefulServer {
  /** Stops accepting, waits for in-flight requests (at most `graceMs`), resolves once every connection is closed. */
  close(graceMs: number): Promise<Drain>;
}

/** Call right after creating the server: it has to see every request to know when each one ends. */
export function gracefulServer(server: Server): GracefulServer {
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    // A keep-alive connection would otherwise stay open, idle, after its last response.
    res.on('close', () => {
      if (closing) server.closeIdleConnections();
    });
  });

  return {
    close(graceMs) {
      closing = true;
      return new Promise((resolve) => {
        let forced = false;
        const deadline = setTimeout(() => {
          forced = true;
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve({ forced });
        });
        server.closeIdleConnections();
      });
    },
  };
}
