import { describe, expect, it } from 'vitest';
import { customerListName, customerName, customerTitle } from '../../src/domain/customers/display-name.js';

describe('a customer’s names on screens', () => {
  const juergen = { id: 2001, firstName: 'Jürgen', lastName: 'Müller' };

  it('spells the name as said, as listed, and as a page title', () => {
    expect(customerName(juergen)).toBe('Jürgen Müller');
    expect(customerListName(juergen)).toBe('Müller, Jürgen');
    expect(customerTitle(juergen)).toBe('Jürgen Müller · #2001');
  });

  it('leaves no stray comma or space when a first name is empty', () => {
    expect(customerName({ firstName: '', lastName: 'Cher' })).toBe('Cher');
    expect(customerListName({ firstName: '', lastName: 'Cher' })).toBe('Cher');
  });
});
