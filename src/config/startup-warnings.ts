/**
 * Settings that start but cannot work as meant, said once at start-up (the process still serves:
 * a health check or a local look may be all that is wanted).
 */
import type { Config } from './config.js';

export function startupWarnings(config: Pick<Config, 'nodeEnv' | 'trustProxy'>): string[] {
  const warnings: string[] = [];
  if (config.nodeEnv === 'production' && config.trustProxy === false) {
    warnings.push(
      'NODE_ENV=production without TRUST_PROXY: the panel needs HTTPS (its session cookie is Secure) and this process speaks plain http, so every panel page answers "HTTPS required". Behind a TLS-terminating proxy, set TRUST_PROXY to it (e.g. TRUST_PROXY=1 or its address).',
    );
  }
  return warnings;
}
