import { ActionTypes, type Activity, CardFactory, MessageFactory } from 'botbuilder';
import { channelKind } from './channelKind';

/**
 * The one place that turns a question and its options into a message for the tenant's channel. Titles are kept
 * whole (Bot Framework's ChoiceFactory falls back to a list past 20 characters, and slot descriptions are longer):
 * buttons on Web Chat, a card on Teams, a numbered list on SMS, where the tenant replies with the number.
 */
export function renderChoices(
  channelId: string | undefined,
  text: string,
  titles: readonly string[],
): Partial<Activity> {
  switch (channelKind(channelId)) {
    case 'text':
      return MessageFactory.text(
        `${text}\n${titles.map((title, i) => `${i + 1}. ${title}`).join('\n')}\nReply with a number.`,
      );
    case 'card':
      return MessageFactory.attachment(
        CardFactory.heroCard(
          '',
          undefined,
          titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
          {
            text,
          },
        ),
      );
    case 'buttons':
      return MessageFactory.suggestedActions(
        titles.map((title) => ({ type: ActionTypes.ImBack, title, value: title })),
        text,
      );
  }
}
