import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseFormula } from '../../src/domain/spreadsheet-formulas.js';

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTabbed', '\rReturned', '=HYPERLINK("http://evil.example")'])(
    'puts an apostrophe before %j, which a spreadsheet would run',
    (text) => {
      expect(looksLikeFormula(text)).toBe(true);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['Ada', 'Zoë Müller', ' =1+1', "O'Brien", '', '1+1', 'a=b'])('leaves %j as it is', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });
});
