import * as index from 'botbuilder-dialogs';
import * as narrow from '../../src/dialogs/botbuilderDialogs';

// The dialogs import botbuilder-dialogs from its own files to skip the prompts' start-up cost: each value taken that
// way must be the very one the package's index exports, or instanceof checks inside the SDK would fail.
describe('botbuilder-dialogs, imported from its files', () => {
  const names = Object.keys(narrow) as (keyof typeof narrow)[];

  it('exports the values the dialogs use', () => {
    expect(names.sort()).toEqual(
      ['ComponentDialog', 'DialogSet', 'DialogTurnStatus', 'TextPrompt', 'WaterfallDialog', 'recognizeChoices'].sort(),
    );
  });

  it.each(names)('%s is the one the package index exports', (name) => {
    expect(narrow[name]).toBe(index[name]);
  });
});
