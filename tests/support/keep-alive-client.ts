/**
 * A plain HTTP/1.1 client on one kept-alive connection, for tests that must see what a browser's
 * connection sees: any bytes as a body (supertest rewrites some), the session cookie carried along,
 * and whether the next request still travels on the same socket after the server refused a body.
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The request went out on the connection of an earlier one. */
  reusedSocket: boolean;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface KeepAliveClient {
  send(request: RawRequest): Promise<RawResponse>;
  /** The session cookie, from the last Set-Cookie that set one. */
  cookie: string | undefined;
  close(): void;
}

export function keepAliveClient(baseUrl: string, sessionCookieName: string): KeepAliveClient {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const client: KeepAliveClient = {
    cookie: undefined,
    send({ method, path, headers = {}, body }) {
      return new Promise((resolve, reject) => {
        const request = http.request(
          {
            host: hostname,
            port,
            method,
            path,
            agent,
            headers: {
              ...(client.cookie ? { cookie: client.cookie } : {}),
              // Always framed by its length: Node sends a GET's body unframed otherwise.
              ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
              ...headers,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const cookie = ([] as string[])
                .concat(response.headers['set-cookie'] ?? [])
                .find((line) => line.startsWith(`${sessionCookieName}=`));
              if (cookie) client.cookie = cookie.split(';')[0];
              const answer = {
                status: response.statusCode ?? 0,
                headers: response.headers,
                text: Buffer.concat(chunks).toString('utf8'),
                reusedSocket: request.reusedSocket,
              };
              // The socket goes back to the agent once the request is written out, not before.
              if (request.writableFinished) resolve(answer);
              else request.once('finish', () => resolve(answer));
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
  return client;
}
