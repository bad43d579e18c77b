import { describe, expect, it } from 'vitest';
import { startupWarnings } from '../../src/config/startup-warnings.js';

describe('startupWarnings', () => {
  it('warns when production runs without TRUST_PROXY (the panel then needs HTTPS it cannot see)', () => {
    const [warning, ...others] = startupWarnings({ nodeEnv: 'production', trustProxy: false });
    expect(warning).toMatch(/^NODE_ENV=production without TRUST_PROXY: .*HTTPS required.*set TRUST_PROXY/);
    expect(others).toEqual([]);
  });

  it.each([
    ['production behind a named proxy', { nodeEnv: 'production', trustProxy: ['10.0.0.0/8'] }],
    ['production behind one hop', { nodeEnv: 'production', trustProxy: 1 }],
    ['development', { nodeEnv: 'development', trustProxy: false }],
  ] as const)('says nothing for %s', (_name, config) => {
    expect(startupWarnings({ ...config, trustProxy: config.trustProxy as never })).toEqual([]);
  });
});
