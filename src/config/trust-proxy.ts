/**
 * TRUST_PROXY → express's 'trust proxy' setting: which hops in front of the app may tell it the
 * client's address and protocol (X-Forwarded-For, X-Forwarded-Proto). Behind a TLS-terminating
 * proxy this is what makes secure cookies and the client IP (login throttling, audit log) work.
 */
import { isIP } from 'node:net';

/** What express accepts for 'trust proxy': off/on, a hop count, or addresses, CIDRs and names. */
export type TrustProxy = boolean | number | string[];

/** The address names express (proxy-addr) knows. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `false` (default) | `true` (trust every hop — only when nothing can reach the app but the
 * proxy) | a hop count like `1` | a comma-separated list of IP addresses, CIDRs and the names
 * loopback, linklocal, uniquelocal. Throws an Error explaining the accepted forms.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.find((entry) => !isAddressOrRange(entry));
  if (invalid !== undefined) {
    throw new Error(
      `has ${invalid === '' ? 'an empty entry' : `"${invalid}"`}: use false, true, a hop count like 1, or a comma-separated list of IP addresses, CIDRs (10.0.0.0/8) and loopback, linklocal, uniquelocal`,
    );
  }
  return entries;
}
