import { type Menu, menuOfNamed, pickFrom } from '../../src/dialogs/appointments/menuPrompt';

const SURE: Menu = {
  titles: ['Yes, cancel it', 'No, keep it'],
  also: [
    ['yes', 'cancel it'],
    ['no', 'keep it'],
  ],
};

describe('pickFrom: which choice an answer picks in the appointments menus', () => {
  it.each([
    ['the button title', 'Yes, cancel it', SURE, 0],
    ['the number of a line (SMS)', '2', SURE, 1],
    ['another answer that means it', 'Yes!', SURE, 0],
    ['another answer, any case', 'NO', SURE, 1],
    ['a sentence is not "yes"', 'yes but not today', SURE, undefined],
    ['nothing', '', SURE, undefined],
  ])('%s: "%s"', (_name, text, menu, expected) => {
    expect(pickFrom(text, menu)).toBe(expected);
  });

  it('a repair picked by its name alone, unless two share the name', () => {
    const repairs = [
      { what: 'Bath leaking', when: 'Thursday 3 December' },
      { what: 'Tap dripping', when: 'Monday 7 December' },
      { what: 'Tap dripping', when: 'Tuesday 8 December' },
    ];
    const menu = menuOfNamed(
      repairs,
      (r) => `${r.what}: ${r.when}`,
      (r) => r.what,
    );
    expect(pickFrom('bath leaking', menu)).toBe(0);
    expect(pickFrom('Tap dripping', menu)).toBeUndefined();
    expect(pickFrom('Tap dripping: Tuesday 8 December', menu)).toBe(2);
  });
});
