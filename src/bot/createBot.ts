import { type Storage, type TurnContext } from 'botbuilder';
import { type DialogDeps } from '../dialogs/dialogDeps';
import { MainDialog } from '../dialogs/mainDialog';
import { SEND_AGAIN } from '../dialogs/messages';
import { type RepairServices } from '../repairs/repairServices';
import { RepairsBot } from './repairsBot';
import { CheckedConversationState } from './turns/checkedConversationState';
import { type TurnLogger, TurnRunner } from './turns/retryOnConflict';

export interface BotOptions {
  storage: Storage;
  services: RepairServices;
  landlordName: string;
  privacyUrl?: string;
  /** Retries, give-ups and duplicates of turns (never their text). */
  logger?: TurnLogger;
}

/** Builds the bot and its dialogs over one storage; the same wiring serves the server, the tests and the CLI. */
export function createBot(options: BotOptions): { bot: RepairsBot; conversationState: CheckedConversationState } {
  // eTag-checked saves: of two turns that read the same state only one saves; the other is run again.
  const conversationState = new CheckedConversationState(options.storage);
  const deps: DialogDeps = {
    services: options.services,
    conversationData: RepairsBot.conversationDataAccessor(conversationState),
    saveState: (context: TurnContext) => conversationState.saveChanges(context, false),
    landlordName: options.landlordName,
    privacyUrl: options.privacyUrl,
  };
  const turns = new TurnRunner({ state: conversationState, giveUpText: SEND_AGAIN, logger: options.logger });
  const bot = new RepairsBot(
    conversationState,
    new MainDialog(deps),
    { landlordName: options.landlordName, privacyUrl: options.privacyUrl },
    turns,
  );
  return { bot, conversationState };
}
