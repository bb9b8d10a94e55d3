import { randomUUID } from 'node:crypto';
import { type Activity, type Attachment, CardFactory, MessageFactory } from 'botbuilder';
import { type Slot } from '../../repairs/slots';

/**
 * Adaptive Cards (schema 1.5) for Teams: the slot offer and the report summary. A tap on an Action.Submit comes
 * back as a message activity with `value` (the action's data) and no text; `readCardSubmit` reads it, and the
 * dialog checks it against what it offered, because anything in `value` can be forged or replayed.
 */
export const ADAPTIVE_CARD_VERSION = '1.5';

export type CardSubmit =
  | { action: 'chooseSlot'; offerId: string; date: string; planningWindowId: number }
  | { action: 'noneOfThese'; offerId: string }
  | { action: 'choose'; offerId: string; choice: string };

export interface OfferedSlot {
  slot: Slot;
  label: string;
}

interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: CardSubmit;
}

function card(text: string, actions: SubmitAction[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: text.split('\n').map((line, i) => ({
      type: 'TextBlock',
      text: line,
      wrap: true,
      ...(i === 0 ? { weight: 'Bolder' } : {}),
    })),
    actions,
  });
}

/** The free slots as a card: one Submit per slot carrying (date, planning window, offer), and "None of these". */
export function slotOfferCard(
  text: string,
  offerId: string,
  slots: readonly OfferedSlot[],
  noneOfThese: string,
): Partial<Activity> {
  const actions: SubmitAction[] = slots.map(({ slot, label }) => ({
    type: 'Action.Submit',
    title: label,
    data: { action: 'chooseSlot', offerId, date: slot.date, planningWindowId: slot.planningWindowId },
  }));
  actions.push({ type: 'Action.Submit', title: noneOfThese, data: { action: 'noneOfThese', offerId } });
  return MessageFactory.attachment(card(text, actions), text);
}

/** A question with a few answers (the report summary) as a card: one Submit per answer, titled as the answer. */
export function choiceCard(text: string, offerId: string, titles: readonly string[]): Partial<Activity> {
  return MessageFactory.attachment(
    card(
      text,
      titles.map((title) => ({ type: 'Action.Submit', title, data: { action: 'choose', offerId, choice: title } })),
    ),
    text,
  );
}

/** The card submit in a message activity, or undefined when it is not one of ours (typed text, malformed data). */
export function readCardSubmit(activity: Partial<Activity>): CardSubmit | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== 'object' || typeof value.offerId !== 'string') return undefined;
  const { offerId } = value;
  switch (value.action) {
    case 'chooseSlot':
      return typeof value.date === 'string' && typeof value.planningWindowId === 'number'
        ? { action: 'chooseSlot', offerId, date: value.date, planningWindowId: value.planningWindowId }
        : undefined;
    case 'noneOfThese':
      return { action: 'noneOfThese', offerId };
    case 'choose':
      return typeof value.choice === 'string' ? { action: 'choose', offerId, choice: value.choice } : undefined;
    default:
      return undefined;
  }
}

/** True for a message that carries a card submit rather than typed text: prompts accept it and the step reads it. */
export function isCardSubmit(activity: Partial<Activity>): boolean {
  return typeof activity.text !== 'string' && activity.value !== undefined && activity.value !== null;
}

/** A fresh id for an offer on screen: a submit carrying another id is from an older card. */
export function newOfferId(): string {
  return randomUUID();
}
