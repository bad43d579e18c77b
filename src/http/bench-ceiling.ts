/**
 * Only for `npm run bench`, which starts the app with BENCH_CEILING=on: GET /bench/ceiling?bytes=N
 * answers a fixed JSON document of N bytes through the app's common middleware, without a session
 * or the database — the most this machine serves, the reference the benchmark compares pages to.
 */
import express, { type Router } from 'express';

const MAX_BYTES = 1_000_000;

export function benchCeilingRoute(): Router {
  const router = express.Router();
  const documents = new Map<number, string>();
  router.get('/bench/ceiling', (req, res) => {
    const bytes = Math.min(Math.max(Math.trunc(Number(req.query.bytes)) || 2, 2), MAX_BYTES);
    let document = documents.get(bytes);
    if (!document) {
      document = `[${'0,'.repeat(Math.floor((bytes - 3) / 2))}0]`.padEnd(bytes, ' ');
      documents.set(bytes, document);
    }
    res.type('json').send(document);
  });
  return router;
}
