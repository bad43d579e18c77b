import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { etagOf, isNotModified, writeConditionOf } from '../../src/api/conditional-requests.js';
import { HttpProblem } from '../../src/api/problem.js';
import { writeConditionOf as panelWriteConditionOf } from '../../src/admin/edit-conflict.js';
import { parseVersion } from '../../src/domain/record-version.js';

/** Just enough of a request for the header reads. */
const withHeaders = (headers: Record<string, string>) =>
  ({ get: (name: string) => headers[name] }) as unknown as Request;

describe('parseVersion', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
    [7, 7],
  ])('reads %j as %d', (value, version) => {
    expect(parseVersion(value)).toBe(version);
  });

  it.each([['0'], ['-1'], ['1.5'], ['v3'], [''], ['99999999999999999'], [null], [{}], [2.5]])(
    'reads %j as no version',
    (value) => {
      expect(parseVersion(value)).toBeUndefined();
    },
  );
});

describe('ETags', () => {
  it('are strong for customers and weak for staff accounts', () => {
    expect(etagOf('Customer', 3)).toBe('"v3"');
    expect(etagOf('User', 3)).toBe('W/"v3"');
  });

  it.each([
    ['"v3"', true],
    ['W/"v3"', true],
    ['"v2", "v3"', true],
    ['*', true],
    ['"v2"', false],
    ['"3"', false],
    ['garbage', false],
  ])('If-None-Match: %s holds version 3: %s', (header, notModified) => {
    expect(isNotModified(withHeaders({ 'If-None-Match': header }), 3)).toBe(notModified);
  });

  it('is not a 304 without If-None-Match', () => {
    expect(isNotModified(withHeaders({}), 3)).toBe(false);
  });
});

describe('writeConditionOf (If-Match)', () => {
  it.each([
    ['"v3"', { expectedVersion: 3 }],
    ['W/"v4"', { expectedVersion: 4 }],
    ['"x", "v5"', { expectedVersion: 5 }],
    ['*', {}],
    ['"abc"', { expectedVersion: 0 }],
  ])('reads If-Match: %s as %j', (header, condition) => {
    expect(writeConditionOf(withHeaders({ 'If-Match': header }), false)).toEqual(condition);
  });

  it('accepts a write without If-Match unless the server requires it (428)', () => {
    expect(writeConditionOf(withHeaders({}), false)).toEqual({});
    expect(() => writeConditionOf(withHeaders({}), true)).toThrow(HttpProblem);
    try {
      writeConditionOf(withHeaders({}), true);
    } catch (error) {
      expect((error as HttpProblem).status).toBe(428);
    }
  });
});

describe("the panel's version field", () => {
  it('is no condition when absent, the version when one, and never matching when not a version', () => {
    expect(panelWriteConditionOf(undefined)).toEqual({});
    expect(panelWriteConditionOf('')).toEqual({});
    expect(panelWriteConditionOf('4')).toEqual({ expectedVersion: 4 });
    expect(panelWriteConditionOf('latest')).toEqual({ expectedVersion: 0 });
  });
});
