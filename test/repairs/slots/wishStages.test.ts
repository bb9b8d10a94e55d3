import { WINDOWS } from './slotGrid';
import { normaliseWish } from '../../../src/repairs/slots/wish/normaliseWish';
import { wishConstraints } from '../../../src/repairs/slots/wish/wishConstraints';
import { createWishParser } from '../../../src/repairs/slots/wish/wishParser';
import { wallClockAsLocalDate } from '../../../src/repairs/time/zone';

const TODAY = '2026-12-01';
const REFERENCE = wallClockAsLocalDate(new Date('2026-12-01T09:00:00Z'), 'Europe/London');

describe('normaliseWish (stage 1)', () => {
  it.each([
    ['  Tomorrow   AM ', 'tomorrow morning'],
    ['thursday p.m.', 'thursday afternoon'],
    ['Fri pm please', 'fri afternoon please'],
    ['I am free', 'i am free'], // 'am' as a verb is left alone
    ['the 14th', '14 december 2026'],
    ['Friday 14th', 'friday 14 december 2026'],
    ['on the 1st', 'on 1 december 2026'], // today counts
    ['the 30th', '30 december 2026'],
    ['14th December', '14th december'], // a month is already there
    ['December 14th', 'december 14th'],
    ['the 31st of January', 'the 31st of january'],
    ['after 2', 'after 2pm'],
    ['before 12', 'before 12pm'],
    ['after 9:30', 'after 9:30am'],
    ['after 2pm', 'after 2pm'],
    ['before 14/12', 'before 14/12'],
    ['by 10', 'by 10am'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseWish(text, { today: TODAY })).toBe(expected);
  });

  it.each([
    ['the 31st', '2026-12-30', '31 december 2026'],
    ['the 31st', '2027-01-31', '31 january 2027'],
    ['the 31st', '2027-02-01', '31 march 2027'], // February has no 31st
    ['the 29th', '2027-02-01', '29 march 2027'], // nor, in 2027, a 29th
    ['the 2nd', '2026-12-03', '2 january 2027'],
  ])('%j on %s → %j', (text, today, expected) => {
    expect(normaliseWish(text, { today })).toBe(expected);
  });
});

describe('the wish parser (stage 2)', () => {
  it('is built once and shared', () => {
    expect(createWishParser()).toBe(createWishParser());
  });

  it('reads dates day first (en-gb)', () => {
    const [phrase] = createWishParser().recognise('03/12', REFERENCE);
    expect(phrase?.values.map((v) => v.timex)).toContain('XXXX-12-03');
  });

  it('keeps phrases the library finds but cannot resolve, with no values', () => {
    const phrases = createWishParser().recognise('on the 14th in the morning', REFERENCE);
    expect(phrases.every((phrase) => Array.isArray(phrase.values))).toBe(true);
  });
});

describe('wishConstraints (stage 3): wanted and unwanted', () => {
  function parts(text: string) {
    const normalised = normaliseWish(text, { today: TODAY });
    const phrases = createWishParser().recognise(normalised, REFERENCE);
    const wish = wishConstraints(normalised, phrases, WINDOWS, TODAY);
    return { wanted: wish.wanted.length, unwanted: wish.unwanted.length };
  }

  it.each([
    ['Thursday', 1, 0],
    ['not Monday', 0, 1],
    ['no mondays', 0, 1],
    ['any day except Monday', 0, 1],
    ['anything but Monday', 0, 1],
    ["can't do Monday or Tuesday", 0, 2],
    ['not Monday, Tuesday or Wednesday', 0, 3],
    ['Monday is no good', 0, 1],
    ["Monday doesn't work, Thursday afternoon", 1, 1],
    ['Thursday but not the afternoon', 1, 1],
    ['Monday, but in the afternoon', 2, 0],
    ['I can do Monday but not Tuesday', 1, 1],
    ['not the school run', 0, 1],
    ['all day Thursday', 2, 0],
    ['no, Thursday', 1, 0],
    ['banana', 0, 0],
  ])('%j → %i wanted, %i unwanted', (text, wanted, unwanted) => {
    expect(parts(text)).toEqual({ wanted, unwanted });
  });
});
