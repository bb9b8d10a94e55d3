import { compilePhrase } from '../../../src/repairs/emergencies/phrasePattern';
import { toTokenLine } from '../../../src/repairs/emergencies/tokenLine';

const matches = (phrase: string, text: string): boolean => {
  const { regex } = compilePhrase(phrase);
  regex.lastIndex = 0;
  return regex.test(toTokenLine(text).line);
};

describe('emergency phrase patterns', () => {
  it.each([
    ['smell of gas', 'i can smell of gas here', true],
    ['smell|whiff of gas', 'a whiff of gas', true],
    ['flood*', 'the kitchen flooded', true],
    ['flood*', 'floodlight broken', true],
    ['flood', 'floodlight broken', false],
    ['gas', 'gasket leaking', false],
    ['the? door', 'door', true],
    ['water ..2 ceiling', 'water from the ceiling', true],
    ['water ..2 ceiling', 'water all over the kitchen ceiling', false],
    ['water ..4 ceiling', 'water all over the kitchen ceiling', true],
    ['water ..3 ceiling', 'water, then the ceiling', false],
    ['no power $', 'no power', true],
    ['no power $', 'no power, help', true],
    ['no power $', 'no power to the cooker', false],
    ["can't lock", 'cant lock the door', true],
    ['water pouring', "water's pouring", true],
    ['heating ,|and hot water', 'heating, hot water', true],
  ])('%j on %j → %s', (phrase, text, expected) => {
    expect(matches(phrase, text)).toBe(expected);
  });

  it.each(['', '   ', '.. gas', '$ gas', 'gas |'])('rejects %j', (phrase) => {
    expect(() => compilePhrase(phrase)).toThrow();
  });
});
