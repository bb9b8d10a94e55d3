import { type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type RepairServices } from '../repairs/repairServices';

/**
 * What a conversation remembers outside the dialog stack. Only the verified property's id is kept, never the
 * tenant's name or contact details: those are looked up from the directory when needed.
 */
export interface ConversationData {
  /** Set once the tenant check has passed in this conversation. */
  verifiedPropertyId?: string;
  /** Failed tenant checks in this conversation: after three the bot stops asking and gives the phone number. */
  tenantCheckFailures?: number;
  /** The website's signed identity was refused once here: the normal questions are asked, without saying it again. */
  siteIdentityRefused?: boolean;
  /** Emergencies already handled here, so that repeating the words does not interrupt the same report again. */
  emergenciesHandled?: string[];
}

/** Everything a dialog needs, passed through constructors (as the Bot Framework samples do) so tests can build it. */
export interface DialogDeps {
  services: RepairServices;
  conversationData: StatePropertyAccessor<ConversationData>;
  /** Persists conversation state now, mid-turn: used before a Connect call whose effect must survive a crash. */
  saveState(context: TurnContext): Promise<void>;
  landlordName: string;
  privacyUrl?: string;
}
