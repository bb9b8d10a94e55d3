/**
 * The parts of botbuilder-dialogs the dialogs use, imported from the package's own files rather than its index.
 * The index loads every prompt, and with the date-time and choice prompts two copies of the Recognizers-Text models
 * (1.1.4, beside the 1.3.2 the wish parser uses): about 0.2 s of start-up for prompts this bot never runs. The
 * package is pinned (4.23.3) and its line archived, so these paths will not move; test/dialogs/botbuilderDialogs
 * checks that each one is the very class the index exports.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { DialogTurnStatus, type Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { type DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { type WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
export { TextPrompt } from 'botbuilder-dialogs/lib/prompts/textPrompt';
export { type PromptValidatorContext } from 'botbuilder-dialogs/lib/prompts/prompt';
export { recognizeChoices } from 'botbuilder-dialogs/lib/choices/recognizeChoices';
