import { chooseSlot, type SlotChoice } from '../../../src/repairs/slots/chooseSlot';
import { createWishParser } from '../../../src/repairs/slots/wish/wishParser';
import { grid, NOW, shorthand, slot } from './slotGrid';

const ZONE = 'Europe/London';
// What the tenant was shown: the first page of offerSlots at NOW.
const OFFERED = ['01/4', '01/3', '02/3', '02/2', '02/1'].map(slot);

function choose(text: string, offered = OFFERED, now = NOW): SlotChoice {
  return chooseSlot(text, offered, grid(), { now, zone: ZONE });
}

beforeAll(() => {
  createWishParser(); // build and warm the recognizer once, outside any test's time
});

describe('chooseSlot: picking from the list', () => {
  it.each([
    ['1', '01/4'],
    ['2', '01/3'],
    ['2.', '01/3'],
    ['2)', '01/3'],
    ['number 2', '01/3'],
    ['Number 2, please!', '01/3'],
    ['no. 3', '02/3'],
    ['#4', '02/2'],
    ['option 2', '01/3'],
    ['Option two', '01/3'],
    ['two', '01/3'],
    ['the second one', '01/3'],
    ['second', '01/3'],
    ['The 2nd one', '01/3'],
    ['third option', '02/3'],
    ['first one', '01/4'],
    ['the last one', '02/1'],
    ["I'll take number 5 thanks", '02/1'],
    ['5', '02/1'],
  ])('%j → %s', (text, expected) => {
    expect(choose(text)).toEqual({ kind: 'chosen', slot: slot(expected) });
  });

  it.each([['6'], ['0'], ['number 12'], ['the sixth one']])('%j is past the end of the list: unclear', (text) => {
    expect(choose(text)).toEqual({ kind: 'unclear' });
  });

  it.each([
    ['the earliest'],
    ['earliest'],
    ['soonest'],
    ['ASAP'],
    ['asap please'],
    ['as soon as possible'],
    ['Earliest available'],
    ["earliest you've got"],
    ['the first available'],
    ['next available slot'],
    ['whenever'],
    ["whenever's soonest"],
    ['any day'],
    ['anytime is fine'],
    ["I don't mind"],
  ])('%j → the earliest offered', (text) => {
    expect(choose(text)).toEqual({ kind: 'chosen', slot: slot('01/4') });
  });

  it('the earliest is by date and start, whatever order the list was in', () => {
    const shuffled = ['03/3', '02/2', '03/2'].map(slot);
    expect(choose('the earliest', shuffled)).toEqual({ kind: 'chosen', slot: slot('02/2') });
    expect(choose('first one', shuffled)).toEqual({ kind: 'chosen', slot: slot('03/3') });
  });

  it.each([
    ['none of these'],
    ['None'],
    ['none of them'],
    ['other dates'],
    ['Other days please'],
    ['later'],
    ['neither'],
    ['no thanks'],
    ['show me more'],
    ["can't do any of these"],
  ])('%j → none of these', (text) => {
    expect(choose(text)).toEqual({ kind: 'none-of-these' });
  });

  it.each([[''], ['banana'], ['hmm'], ['maybe'], ['what?']])('%j → unclear', (text) => {
    expect(choose(text)).toEqual({ kind: 'unclear' });
  });
});

describe('chooseSlot: wishes in the tenant’s words (now = Tuesday 1 December 2026, 09:00)', () => {
  it.each([
    ['next Thursday afternoon', ['10/3'], []],
    ['Thursday', ['03/2', '03/4', '03/3', '03/1', '10/3'], []],
    ['thursday afternoon', ['03/3', '10/3', '17/3'], []],
    ['not afternoons', ['02/2', '03/2', '07/2', '08/2', '09/2'], []],
    ['tomorrow morning', ['02/2'], []],
    ['tomorrow am', ['02/2'], []],
    ['Tomorrow PM', ['02/3'], []],
    ['today', ['01/4', '01/3'], []],
    ['this afternoon', ['01/3'], []],
    ['not Monday', ['01/4', '01/3', '02/3', '02/2', '02/1'], []],
    ['any day but Monday', ['01/4', '01/3', '02/3', '02/2', '02/1'], []],
    ["can't do Tuesday or Wednesday", ['03/2', '03/4', '03/3', '03/1', '04/4'], []],
    ['not Thursday afternoon', ['01/4', '01/3', '02/3', '02/2', '02/1'], []],
    ['afternoon', ['01/3', '02/3', '03/3', '04/3', '07/3'], []],
    ['mornings', ['02/2', '03/2', '07/2', '08/2', '09/2'], []],
    ['morning', ['02/2', '03/2', '07/2', '08/2', '09/2'], []],
    ['not mornings', ['01/3', '02/3', '03/3', '04/3', '07/3'], []],
    ['after 2pm', [], ['01/3', '02/3', '03/3']],
    ['before 12', [], ['02/2', '03/2', '07/2']],
    ['before 1pm', ['02/2', '03/2', '07/2', '08/2', '09/2'], []],
    ['Friday after 12', ['04/3', '11/3', '18/3'], []],
    ['between 10am and 2pm', [], ['01/4', '03/4', '04/4']],
    ['at 2pm on Thursday', ['03/4', '03/3', '03/1', '10/3', '10/4'], []],
    ['school run', ['01/4', '03/4', '04/4', '07/4', '08/4'], []],
    ['all day', ['02/1', '03/1', '07/1', '08/1', '09/1'], []],
    ['all day thursday', ['03/1', '10/1', '17/1'], []],
    ['14/12', ['14/4', '14/3', '14/1'], []],
    ['03/12', ['03/2', '03/4', '03/3', '03/1'], []],
    ['14th December', ['14/4', '14/3', '14/1'], []],
    ['Dec 14', ['14/4', '14/3', '14/1'], []],
    ['the 14th', ['14/4', '14/3', '14/1'], []],
    ['Monday 14th', ['14/4', '14/3', '14/1'], []],
    ['morning on the 3rd', ['03/2'], []],
    ['next week', ['07/2', '07/4', '07/3', '07/1', '08/2'], []],
    ['any morning next week', ['07/2', '08/2', '09/2', '10/2', '11/2'], []],
    ['next week but not Monday', ['08/2', '08/4', '08/3', '08/1', '09/2'], []],
    ['Wednesday or Thursday morning', ['02/2', '03/2', '09/2', '10/2', '16/2'], []],
    ['next Monday morning', ['07/2'], []],
    ['weekend', [], ['04/4', '04/3', '07/2']],
    // Every Friday is a day from a Saturday: the soonest come first.
    ['Saturday', [], ['04/4', '04/3', '11/2']],
    ['25th December', [], ['18/2', '18/4', '18/3']],
  ])('%j fits %j, nearest %j', (text, fits, nearest) => {
    const choice = choose(text);
    expect(choice.kind).toBe('wish');
    if (choice.kind !== 'wish') return;
    expect({ fits: shorthand(choice.fits), nearest: shorthand(choice.nearest) }).toEqual({ fits, nearest });
  });

  it('says which day a wish starts on, so the caller can fetch a week the grid does not cover', () => {
    expect(choose('25th December')).toMatchObject({ kind: 'wish', wishedFrom: '2026-12-25' });
    expect(choose('next week')).toMatchObject({ wishedFrom: '2026-12-07' });
    expect(choose('Thursday')).toMatchObject({ wishedFrom: '2026-12-03' });
    expect(choose('Tuesday')).toMatchObject({ wishedFrom: '2026-12-01' });
    expect(choose('afternoon')).toMatchObject({ wishedFrom: null });
  });

  it('offers out-of-hours windows to a wish only in an emergency', () => {
    const evening = chooseSlot('this evening', OFFERED, grid(), { now: NOW, zone: ZONE, emergency: true });
    expect(evening).toMatchObject({ kind: 'wish', fits: [slot('01/5')] });
    const notEmergency = chooseSlot('this evening', OFFERED, grid(), { now: NOW, zone: ZONE });
    expect(notEmergency).toMatchObject({ kind: 'wish', fits: [] });
  });

  it('reads the wish on the London wall clock, whatever the machine zone', () => {
    // 23:30 UTC on Monday 29 June 2026 is 00:30 BST on Tuesday 30 June: "tomorrow" is Wednesday 1 July.
    const summerGrid = {
      windows: grid().windows,
      days: ['2026-06-30', '2026-07-01'].map((date) => ({ date, planningWindowId: 2, status: 'Available' as const })),
    };
    const expected = { kind: 'wish', fits: [{ date: '2026-07-01', planningWindowId: 2 }] };
    const now = new Date('2026-06-29T23:30:00Z');
    expect(chooseSlot('tomorrow morning', [], summerGrid, { now, zone: ZONE })).toMatchObject(expected);
    const machineZone = process.env.TZ;
    try {
      for (const zone of ['Pacific/Auckland', 'America/Los_Angeles']) {
        process.env.TZ = zone; // Node applies a changed TZ to Date's local fields at once
        expect(chooseSlot('tomorrow morning', [], summerGrid, { now, zone: ZONE })).toMatchObject(expected);
      }
    } finally {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    }
  });
});
