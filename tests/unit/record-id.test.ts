import { describe, expect, it } from 'vitest';
import { MAX_ID, recordIdOf, recordIdsOf } from '../../src/domain/record-id.js';

describe('recordIdOf', () => {
  it.each([
    ['42', 42],
    [42, 42],
    ['1', 1],
    [String(MAX_ID), MAX_ID],
  ])('reads %j as %j', (value, id) => expect(recordIdOf(value)).toBe(id));

  it.each([
    '0',
    '-1',
    '007',
    '1e3',
    '4.2',
    ' 42',
    'x',
    '',
    String(MAX_ID + 1),
    '99999999999',
    0,
    1.5,
    MAX_ID + 1,
    null,
  ])('names no record with %j', (value) => expect(recordIdOf(value)).toBeUndefined());

  it('keeps only the ids that can name a record', () => {
    expect(recordIdsOf(['3', 'x', 99999999999, 7])).toEqual([3, 7]);
  });
});
