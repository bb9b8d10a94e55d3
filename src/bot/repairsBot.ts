import {
  type BotState,
  type ConversationState,
  type StatePropertyAccessor,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { type DialogState } from 'botbuilder-dialogs';
import { type ConversationData } from '../dialogs/dialogDeps';
import { type MainDialog } from '../dialogs/mainDialog';
import { welcome } from '../dialogs/messages';

export const DIALOG_STATE_PROPERTY = 'dialogState';
export const CONVERSATION_DATA_PROPERTY = 'conversationData';

/**
 * The bot: every message runs the main dialog; a new conversation gets a welcome that says what the bot does and
 * how the tenant's answers are used. State is saved at the end of every turn, whatever happened in it.
 */
export class RepairsBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly dialog: MainDialog,
    private readonly welcomeText: { landlordName: string; privacyUrl?: string },
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

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  static conversationDataAccessor(state: BotState): StatePropertyAccessor<ConversationData> {
    return state.createProperty<ConversationData>(CONVERSATION_DATA_PROPERTY);
  }
}
