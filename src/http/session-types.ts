import type { SessionAdmin } from '../admin/current-admin.js';

declare module 'express-session' {
  interface SessionData {
    /** Read by @adminjs/express as AdminJS's currentAdmin. */
    adminUser?: SessionAdmin;
    /** When this session signed in (ms); sessions older than a password change are ended. */
    signedInAt?: number;
  }
}
