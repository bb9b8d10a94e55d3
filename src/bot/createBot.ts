import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import { type DialogDeps } from '../dialogs/dialogDeps';
import { MainDialog } from '../dialogs/mainDialog';
import { type RepairServices } from '../repairs/repairServices';
import { RepairsBot } from './repairsBot';

export interface BotOptions {
  storage: Storage;
  services: RepairServices;
  landlordName: string;
  privacyUrl?: string;
}

/** Builds the bot and its dialogs over one storage; the same wiring serves the server, the tests and the CLI. */
export function createBot(options: BotOptions): { bot: RepairsBot; conversationState: ConversationState } {
  const conversationState = new ConversationState(options.storage);
  const deps: DialogDeps = {
    services: options.services,
    conversationData: RepairsBot.conversationDataAccessor(conversationState),
    saveState: (context: TurnContext) => conversationState.saveChanges(context, false),
    landlordName: options.landlordName,
    privacyUrl: options.privacyUrl,
  };
  const bot = new RepairsBot(conversationState, new MainDialog(deps), {
    landlordName: options.landlordName,
    privacyUrl: options.privacyUrl,
  });
  return { bot, conversationState };
}
