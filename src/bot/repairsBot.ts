import {
  type BotState,
  type ConversationState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { type DialogState } from '../dialogs/botbuilderDialogs';
import { type ConversationData } from '../dialogs/dialogDeps';
import { type MainDialog } from '../dialogs/mainDialog';
import { welcome } from '../dialogs/messages';
import { type TurnRunner } from './turns/retryOnConflict';

export const DIALOG_STATE_PROPERTY = 'dialogState';
export const CONVERSATION_DATA_PROPERTY = 'conversationData';

/**
 * The bot: every message runs the main dialog; a new conversation gets a welcome that says what the bot does and
 * how the tenant's answers are used. State is saved at the end of every turn, whatever happened in it, with the
 * eTag it was read with.
 */
export class RepairsBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly dialog: MainDialog,
    private readonly welcomeText: { landlordName: string; privacyUrl?: string },
    private readonly turns: TurnRunner,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY);

    this.onMessage(async (context, next) => {
      await this.dialog.run(context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (joined) await context.sendActivity(welcome(this.welcomeText.landlordName, this.welcomeText.privacyUrl));
      await next();
    });
  }

  /** One turn under the TurnRunner: one at a time per conversation, run again if another instance saved first. */
  override async run(context: TurnContext): Promise<void> {
    // The runner saves the state after the handlers, with the eTag it read.
    await this.turns.run(context, () => super.run(context));
  }

  static conversationDataAccessor(state: BotState): StatePropertyAccessor<ConversationData> {
    return state.createProperty<ConversationData>(CONVERSATION_DATA_PROPERTY);
  }
}
