import { describe, expect, it } from 'vitest';
import {
  customerSearchText,
  foldText,
  isIndexedTerm,
  MAX_SEARCH_WORDS,
  phoneSearchDigits,
  searchPatterns,
  unsearchableReason,
} from '../../src/domain/customers/search-text.js';

describe('foldText', () => {
  it.each([
    ['Müller', 'muller'],
    ['ZOË', 'zoe'],
    ['François Lefèvre', 'francois lefevre'],
    ['Nguyễn Thị Hương', 'nguyen thi huong'],
    ['Đức Vũ', 'duc vu'],
    ['Straße', 'strasse'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Søren Ærø', 'soren aero'],
    ['İstanbul', 'istanbul'],
    ['O’Brien', "o'brien"],
    ['  Ada \t  LOVELACE  ', 'ada lovelace'],
  ])('%j → %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('customerSearchText', () => {
  it('holds the folded names, the email and the phone digits, each word after a space', () => {
    expect(
      customerSearchText({
        firstName: 'Zoë',
        lastName: 'Müller-Lüdenscheidt',
        email: 'zoe@example.de',
        phone: '+4930901820',
      }),
    ).toBe(' zoe muller-ludenscheidt zoe@example.de 4930901820');
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['+44 20 7946 0958', '442079460958'],
    ['0044 20 7946 0958', '442079460958'],
    ['020 7946 0958', '2079460958'],
    ['(201) 555-0123', '2015550123'],
    ['+1-201-555-0123', '12015550123'],
    ['0199', '0199'],
    ['555-0199', '5550199'],
  ])('%j → %j', (typed, digits) => {
    expect(phoneSearchDigits(typed)).toBe(digits);
  });

  it('finds every form in the search text of the stored E.164 number', () => {
    const text = customerSearchText({
      firstName: 'Alan',
      lastName: 'Turing',
      email: 'alan@example.org',
      phone: '+442079460958',
    });
    for (const typed of [
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '020 7946 0958',
      '(020) 7946-0958',
      '7946 0958',
      '442079460958',
    ]) {
      expect(text).toContain(phoneSearchDigits(typed));
    }
  });
});

describe('searchPatterns', () => {
  it('folds each word like the search text, so that "muller" and "MÜLLER" both find Müller', () => {
    expect(searchPatterns('MÜLLER')).toEqual([['muller']]);
    expect(searchPatterns('muller')).toEqual([['muller']]);
  });

  it('matches words of 3+ characters anywhere, shorter ones at the start of a word', () => {
    expect(searchPatterns('Ada Lovelace')).toEqual([['ada'], ['lovelace']]);
    expect(searchPatterns('Wu')).toEqual([[' wu']]);
    expect(searchPatterns('a lovelace')).toEqual([[' a'], ['lovelace']]);
  });

  it('reads a search made only of a phone number, in any format, as its digits', () => {
    expect(searchPatterns('+1 (201) 555-0123')).toEqual([['12015550123']]);
    expect(searchPatterns('020 7946 0958')).toEqual([['2079460958']]);
  });

  it('also matches a word holding 3+ digits by those digits', () => {
    expect(searchPatterns('smith 555-0199')).toEqual([['smith'], ['555-0199', '5550199']]);
    expect(searchPatterns('ada42')).toEqual([['ada42']]);
  });

  it(`uses at most ${MAX_SEARCH_WORDS} words`, () => {
    expect(searchPatterns('one two three four five six seven')).toHaveLength(MAX_SEARCH_WORDS);
  });

  it.each(['', '   ', '\t\n'])('finds nothing to search for in %j', (search) => {
    expect(searchPatterns(search)).toEqual([]);
  });
});

describe('isIndexedTerm', () => {
  it('needs every pattern of a term to have 3+ characters (a trigram)', () => {
    expect(isIndexedTerm(['ada'])).toBe(true);
    expect(isIndexedTerm([' wu'])).toBe(true);
    expect(isIndexedTerm([' a'])).toBe(false);
    expect(isIndexedTerm(['555-0199', '5550199'])).toBe(true);
  });
});

describe('unsearchableReason', () => {
  it('explains a search of one-letter words alone, and nothing else', () => {
    expect(unsearchableReason('j m')).toMatch(/^One-letter words are only searched beside a longer word/);
    expect(unsearchableReason('j muller')).toBeUndefined();
    expect(unsearchableReason('wu')).toBeUndefined();
    expect(unsearchableReason('   ')).toBeUndefined();
  });
});
