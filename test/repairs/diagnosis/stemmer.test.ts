import { stem } from '../../../src/repairs/diagnosis';

describe('stem', () => {
  it.each([
    [['leak', 'leaks', 'leaking', 'leaked', 'leaky']],
    [['drip', 'drips', 'dripping', 'dripped']],
    [['block', 'blocked', 'blocking', 'blocks']],
    [['mould', 'mouldy', 'moulds']],
    [['pipe', 'pipes', 'piping']],
    [['ceiling', 'ceilings']],
    [['radiator', 'radiators']],
    [['flood', 'floods', 'flooded', 'flooding']],
    [['wobble', 'wobbly', 'wobbles']],
    [['tile', 'tiles']],
    [['switch', 'switches']],
    [['cockroach', 'cockroaches']],
  ])('brings %j to one stem', (words) => {
    expect(new Set(words.map(stem)).size).toBe(1);
  });

  it.each([
    ['gas', 'gas'],
    ['glass', 'glass'],
    ['key', 'key'],
    ['bus', 'bus'],
    ["won't", 'wont'],
  ])('leaves %j as %j', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['boiler', 'boil'],
    ['shower', 'show'],
  ])('keeps %j apart from %j', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });
});
