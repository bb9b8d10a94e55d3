import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DiagnosisDialog, type DiagnosisOptions, type DiagnosisResult } from '../../src/dialogs/diagnosisDialog';
import { dialogClient, play, startWorld, type Transcript, type World } from './dialogHarness';

const CATEGORIES = 'What needs repairing? Choose the closest.';
const SUB_AREAS = 'Which of these is it?';
const FEW = 'Is it one of these?';
const DESCRIBE = 'In a few words, what is wrong?';
const TOO_LONG = 'Please keep it to 255 characters or fewer.';
const NOT_UNDERSTOOD = 'Sorry, I did not understand. Please choose one of the options.';
const LONG = `The panel on the side of the bath has come off. ${'It keeps falling over when we use the bath. '.repeat(6)}`;

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

const diagnosing = (options: DiagnosisOptions, channelId = 'webchat') =>
  dialogClient((deps) => new DiagnosisDialog(deps), world.services, options, channelId);

describe('DiagnosisDialog', () => {
  const journeys: (Transcript & { options: DiagnosisOptions; channelId?: string; result?: DiagnosisResult })[] = [
    {
      name: 'menus: category, sub-area, then a description (a too long one is asked again)',
      options: {},
      steps: [
        ['(start)', CATEGORIES, '[Baths and showers]', '[Pests]'],
        ['Baths and showers', SUB_AREAS, '[Bath side panel loose or broken]', '[Something else]'],
        ['Bath side panel loose or broken', DESCRIBE],
        ['x'.repeat(256), TOO_LONG],
        ['   ', TOO_LONG],
        ['  The panel has come off  '],
      ],
      result: { code: 'BATH003', description: 'The panel has come off' },
    },
    {
      name: 'menus by number and by ordinal',
      options: {},
      steps: [
        ['(start)', CATEGORIES],
        ['4', SUB_AREAS, '[Tap dripping]'],
        ['the first one', DESCRIBE],
        ['drips all night'],
      ],
      result: { code: 'TAPS001', description: 'drips all night' },
    },
    {
      name: 'free text with one clear match needs no question at all',
      options: { text: 'my bath panel came off' },
      steps: [['(start)', { not: FEW }, { not: CATEGORIES }, { not: DESCRIBE }]],
      result: { code: 'BATH003', description: 'my bath panel came off' },
    },
    {
      name: 'free text with one clear match but too long: a shorter description is asked for',
      options: { text: LONG },
      steps: [
        ['(start)', 'Please describe the repair in a shorter way (up to 255 characters).'],
        ['Bath panel keeps falling off'],
      ],
      result: { code: 'BATH003', description: 'Bath panel keeps falling off' },
    },
    {
      name: 'free text with a few matches: "Is it one of these?" and one is chosen',
      options: { text: 'tap leaking' },
      steps: [
        [
          '(start)',
          FEW,
          '[Tap leaking at the base or pipe connection]',
          '[Outside tap not working or leaking]',
          '[None of these]',
        ],
        ['Outside tap not working or leaking'],
      ],
      result: { code: 'TAPS004', description: 'tap leaking' },
    },
    {
      name: 'few matches, "None of these" goes to the category menu; the words are kept as the description',
      options: { text: 'tap leaking' },
      steps: [
        ['(start)', FEW],
        ['None of these', CATEGORIES],
        ['Sinks and basins', SUB_AREAS],
        ['Leak from the pipe under a sink or basin', { not: DESCRIBE }],
      ],
      result: { code: 'SINK003', description: 'tap leaking' },
    },
    {
      name: 'few matches, an answer that is none of them is asked again',
      options: { text: 'tap leaking' },
      steps: [['(start)', FEW], ['purple', NOT_UNDERSTOOD, FEW], ['1']],
      result: { code: 'TAPS003', description: 'tap leaking' },
    },
    {
      name: 'free text with no match goes to the category menu',
      options: { text: 'the thing is not right' },
      steps: [['(start)', CATEGORIES, { not: FEW }], ['Doors', SUB_AREAS], ['Inside door, handle or hinge broken']],
      result: { code: 'DOOR003', description: 'the thing is not right' },
    },
    {
      name: 'words typed at the category menu are read as a description',
      options: {},
      steps: [
        ['(start)', CATEGORIES],
        ['banana', NOT_UNDERSTOOD, CATEGORIES],
        ['the kitchen tap drips', { not: CATEGORIES }],
      ],
      result: { code: 'TAPS001', description: 'the kitchen tap drips' },
    },
    {
      name: 'SMS: numbered lists, and the number picks the line',
      options: {},
      channelId: 'sms',
      steps: [
        ['(start)', CATEGORIES, '\n1. Baths and showers\n2. Toilets\n', '18. Pests', 'Reply with a number.'],
        ['2', SUB_AREAS, '1. Only toilet blocked', '6. Something else'],
        ['3', DESCRIBE],
        ['handle snapped'],
      ],
      result: { code: 'TOIL003', description: 'handle snapped' },
    },
  ];

  test.each(journeys)('$name', async ({ options, steps, channelId, result }) => {
    const dialog = diagnosing(options, channelId);
    await play(dialog, steps);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(dialog.client.dialogTurnResult.result).toEqual(result);
  });

  test('"Something else" in a category: the repair is handed to the repairs team (see handOffTriggers.test.ts)', async () => {
    const dialog = diagnosing({});
    await play(dialog, [
      ['(start)', CATEGORIES],
      ['Pests', SUB_AREAS],
      ['Something else', 'I cannot book that kind of repair here, but I can pass it to our repairs team.'],
    ]);
    expect(dialog.client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });
});
