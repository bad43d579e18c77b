import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('CORS_ORIGINS', () => {
  it('is empty by default: no origin is allowed', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' , ' }).corsOrigins).toEqual([]);
  });

  it.each([
    ['https://pos.example.com', ['https://pos.example.com']],
    [' https://pos.example.com/ , http://localhost:5173 ', ['https://pos.example.com', 'http://localhost:5173']],
    ['HTTPS://POS.Example.com:443,https://pos.example.com', ['https://pos.example.com']],
    ['http://[::1]:8080', ['http://[::1]:8080']],
  ])('reads %j as %j', (value, origins) => {
    expect(loadConfig({ CORS_ORIGINS: value }).corsOrigins).toEqual(origins);
  });

  it.each([
    '*',
    'pos.example.com',
    'https://pos.example.com/app',
    'https://pos.example.com?x=1',
    'ftp://files.example.com',
    'https://user:pw@pos.example.com',
    'null',
  ])('refuses %j, naming the variable and the expected form', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(
      /^Configuration error: CORS_ORIGINS has ".*": use a comma-separated list of origins like https:\/\/pos\.example\.com/,
    );
  });
});
