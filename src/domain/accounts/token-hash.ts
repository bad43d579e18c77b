/**
 * One-time links and API refresh tokens are stored only as this hash: a copy of the database does
 * not hand out working tokens. The tokens are long random strings, so a plain SHA-256 is enough
 * (no salt or slow hash is needed against guessing).
 */
import { createHash } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
