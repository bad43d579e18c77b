import express, { type Router } from 'express';
import type { PrismaClient } from '@prisma/client';
import { asyncRoute } from './async-route.js';

/** /healthz: the process answers. /readyz: the database answers too (503 when it does not). */
export function healthRoutes(prisma: PrismaClient): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get(
    '/readyz',
    asyncRoute(async (_req, res) => {
      try {
        await prisma.$queryRaw`SELECT 1`;
        res.json({ status: 'ok', database: 'reachable' });
      } catch {
        res.status(503).json({ status: 'unavailable', database: 'unreachable' });
      }
    }),
  );
  return router;
}
