import {
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from './botbuilderDialogs';
import { isConnectError } from '../connect';
import { gridOf, type SlotSearch } from '../repairs/reporting/slotSearch';
import { chooseSlot, sameSlot, type Slot } from '../repairs/slots';
import { type DialogDeps } from './dialogDeps';
import { isRerun } from './turnAttempt';
import { BOOK_VISIT_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { ADULT_AT_HOME } from './messages';
import { isCardSubmit, newOfferId, readCardSubmit, slotOfferCard } from './render/adaptiveCards';
import { channelKind } from './render/channelKind';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { stepValues } from './stepValues';
import { trackFunnel } from './funnel';

const CHOICE_PROMPT = 'bookVisit.choice';
const STEPS = 'bookVisit.steps';
const NONE_OF_THESE = 'None of these';
export const NO_LONGER_AVAILABLE = 'That choice is no longer available — here are the current times:';

export interface BookVisitOptions {
  orderNumber: string;
  emergency: boolean;
  /** Moving an existing visit. */
  visitExternalId?: string;
  accessNotes?: string;
  /** Emergencies: no later than this day. */
  latestDate?: string;
  /** Carried round the loop. */
  search?: SlotSearch;
  /** The slots on screen now; undefined means "show the next page". */
  offered?: Slot[];
  /** Said before the slots, e.g. why these are offered. */
  intro?: string;
  /** Teams: the id of the card on screen now; a card submit carrying another id is stale. */
  offerId?: string;
}

export type BookVisitResult =
  { booked: true; slot: Slot; visitExternalId?: string; description: string } | { booked: false };

/**
 * Offers the earliest free slots and books the one the tenant picks: by button, by number, or in their own words
 * ("next Thursday afternoon", "not Monday"). "None of these" pages on; a wish that nothing fits gets the nearest
 * free slots; a slot taken in the meantime gets an apology and a fresh offer.
 */
export class BookVisitDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(BOOK_VISIT_DIALOG, deps);
    // A Teams card submit has no text: the prompt lets it through and `choose` checks it against the offer.
    const typedOrSubmitted = async (p: PromptValidatorContext<string>) =>
      p.recognized.succeeded || isCardSubmit(p.context.activity);
    this.addDialog(new TextPrompt(CHOICE_PROMPT, typedOrSubmitted)).addDialog(
      new WaterfallDialog(STEPS, [this.offer.bind(this), this.choose.bind(this), this.book.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private labels(options: BookVisitOptions, search: SlotSearch, slots: readonly Slot[]): string[] {
    return [...slots.map((slot) => this.deps.services.describeSlot(slot, search.windows)), NONE_OF_THESE];
  }

  private async offer(step: WaterfallStepContext) {
    const options = step.options as BookVisitOptions;
    const { services } = this.deps;
    let search =
      options.search ??
      services.slots.start(options.orderNumber, {
        emergency: options.emergency,
        visitExternalId: options.visitExternalId,
        latestDate: options.latestDate,
      });
    let offered = options.offered;
    if (!offered) {
      let page: Awaited<ReturnType<typeof services.slots.nextPage>>;
      try {
        page = await services.slots.nextPage(search);
      } catch (error) {
        if (!isConnectError(error)) throw error;
        // Availability did not answer (after its retries) or the breaker is open. A new repair is logged already,
        // so it is not lost; a visit being moved keeps its old time (the move dialog says so).
        await step.context.sendActivity(
          options.visitExternalId
            ? `Sorry, I cannot get the free times just now because our repairs system is not answering. Please try again later, or call us on ${services.phones.repairs}.`
            : `Sorry, I cannot get the free times just now because our repairs system is not answering. Your repair is logged, and our repairs team will call you to arrange a visit. You can also call us on ${services.phones.repairs}.`,
        );
        return step.endDialog({ booked: false } satisfies BookVisitResult);
      }
      search = page.search;
      offered = page.slots;
    }
    if (offered.length === 0) {
      const when = options.emergency ? 'in time for an emergency visit' : 'in the next five weeks';
      // Moving a visit: the caller says that the old appointment stands; a new repair is told who calls.
      const next = options.visitExternalId
        ? ''
        : ' Your repair is logged, and our repairs team will call you to arrange a visit.';
      await step.context.sendActivity(
        search.shown.length === 0
          ? `I am sorry, there are no free appointments ${when}.${next}`
          : `There are no more free appointments ${when}.${options.visitExternalId ? '' : ' You can say "start again", or our repairs team will call you to arrange a visit.'}`,
      );
      return step.endDialog({ booked: false } satisfies BookVisitResult);
    }
    trackFunnel(step.context, services, 'slots-offered', { count: offered.length, moving: !!options.visitExternalId });
    const offerId = newOfferId();
    Object.assign(stepValues<BookVisitOptions>(step), { search, offered, offerId });
    const intro = options.intro ?? 'When can we come? These are the earliest free times:';
    const labels = this.labels(options, search, offered);
    const slots = offered.map((slot, i) => ({ slot, label: labels[i] ?? '' }));
    return step.prompt(CHOICE_PROMPT, {
      prompt:
        channelKind(step.context.activity.channelId) === 'card'
          ? slotOfferCard(intro, offerId, slots, NONE_OF_THESE)
          : renderChoices(step.context.activity.channelId, `${intro}`, labels),
    });
  }

  private async choose(step: WaterfallStepContext) {
    const options = step.options as BookVisitOptions;
    const values = stepValues<BookVisitOptions>(step);
    let search = values.search as SlotSearch;
    const offered = values.offered as Slot[];
    const { services } = this.deps;
    const text = String(step.result ?? '');
    const again = (change: Partial<BookVisitOptions>) =>
      step.replaceDialog(STEPS, { ...options, search, offered: undefined, intro: undefined, ...change });

    if (isCardSubmit(step.context.activity)) {
      // Only a slot on the card now on screen is accepted: a forged or stale submit gets the current times again.
      const submit = readCardSubmit(step.context.activity);
      const current = submit?.offerId === values.offerId;
      if (current && submit?.action === 'noneOfThese') return again({});
      const slot =
        current && submit?.action === 'chooseSlot'
          ? offered.find((s) => sameSlot(s, { date: submit.date, planningWindowId: submit.planningWindowId }))
          : undefined;
      if (slot) return step.next(slot);
      return again({ offered, intro: NO_LONGER_AVAILABLE });
    }
    const byTitle = menuChoice(text, this.labels(options, search, offered));
    if (
      byTitle !== undefined &&
      text.trim().toLowerCase() === this.labels(options, search, offered)[byTitle]?.toLowerCase()
    ) {
      if (byTitle >= offered.length) return again({});
      return step.next(offered[byTitle]);
    }
    // On SMS "None of these" is the last numbered line: its number pages on like the button does.
    if (/^\s*(?:number\s*)?(\d{1,2})\s*[.)]?\s*$/i.exec(text)?.[1] === String(offered.length + 1)) return again({});
    const choose = () =>
      chooseSlot(text, offered, gridOf(search), {
        now: services.clock.now(),
        zone: services.zone,
        emergency: options.emergency,
        parser: services.wishParser,
      });
    let choice = choose();
    if (
      choice.kind === 'wish' &&
      choice.fits.length === 0 &&
      choice.wishedFrom &&
      choice.wishedFrom >= search.nextDate
    ) {
      // Looking further ahead is a nicety: if Connect does not answer, the wish is matched against what is known.
      const covered = await services.slots.cover(search, choice.wishedFrom).catch((error: unknown) => {
        if (!isConnectError(error)) throw error;
        return undefined;
      });
      if (covered) {
        search = covered;
        choice = choose();
      }
    }
    switch (choice.kind) {
      case 'chosen':
        return step.next(choice.slot);
      case 'none-of-these':
        return again({});
      case 'wish': {
        // An emergency's visit must be by its target date, whatever day the tenant asks for.
        const inTime = (slots: Slot[]) =>
          options.latestDate ? slots.filter((slot) => slot.date <= options.latestDate!) : slots;
        const fitting = inTime(choice.fits);
        const fits = fitting.length > 0;
        const slots = (fits ? fitting : inTime(choice.nearest)).slice(0, 5);
        if (slots.length === 0 && options.latestDate) {
          return again({
            offered,
            intro: 'This is an emergency, so the visit has to be sooner than that. These are the earliest free times:',
          });
        }
        if (slots.length === 0) return again({ intro: 'Nothing is free then. These are the next free times:' });
        search = services.slots.markShown(search, slots);
        return again({
          offered: slots,
          intro: fits
            ? 'These times suit what you asked for:'
            : 'Nothing is free exactly then. These are the nearest free times:',
        });
      }
      case 'unclear':
        return again({
          offered,
          intro: 'Sorry, I did not understand. Choose a time, reply with its number, or tell me a day that suits you:',
        });
    }
  }

  private async book(step: WaterfallStepContext) {
    const options = step.options as BookVisitOptions;
    const search = stepValues<BookVisitOptions>(step).search as SlotSearch;
    const slot = step.result as Slot;
    const { services } = this.deps;
    const outcome = await services.book({
      orderNumber: options.orderNumber,
      slot,
      visitExternalId: options.visitExternalId,
      accessNotes: options.accessNotes,
      // A re-run of this turn (another instance saved first) may follow an attempt that booked already.
      mayAlreadyExist: isRerun(step.context),
    });
    if (outcome.kind === 'slot-gone') {
      // The other times on screen are still free as far as we know: offer them again, without the one taken.
      const onScreen = stepValues<BookVisitOptions>(step).offered ?? [];
      return step.replaceDialog(STEPS, {
        ...options,
        search: services.slots.unshow(services.slots.withoutSlot(search, slot), onScreen),
        offered: undefined,
        intro: 'Sorry, that time has just been taken by someone else. These are the next free times:',
      });
    }
    if (outcome.kind === 'unavailable' && outcome.uncertain) {
      // The Booking POST timed out: it may still land. Saying "not booked" could be wrong, so say what is known.
      await step.context.sendActivity(
        options.visitExternalId
          ? `Sorry, our repairs system did not confirm the change in time, so I cannot tell yet whether your visit was moved. Please check "My appointments" in a few minutes, or call us on ${services.phones.repairs}.`
          : `Sorry, our repairs system did not confirm the booking in time, so I cannot tell yet whether the visit was booked. Your repair is logged. Please check "My appointments" in a few minutes: if no visit is listed, our repairs team will call you to arrange one. You can also call us on ${services.phones.repairs}.`,
      );
      return step.endDialog({ booked: false } satisfies BookVisitResult);
    }
    if (outcome.kind === 'unavailable') {
      await step.context.sendActivity(
        options.visitExternalId
          ? `Sorry, I could not move the visit just now because our repairs system is not answering. You can also call ${services.phones.repairs}.`
          : `Sorry, I could not book the visit just now because our repairs system is not answering. Your repair is logged, and our repairs team will call you to arrange the visit. You can also call ${services.phones.repairs}.`,
      );
      return step.endDialog({ booked: false } satisfies BookVisitResult);
    }
    trackFunnel(step.context, services, options.visitExternalId ? 're-booked' : 'booked');
    const description = services.describeSlot(slot, search.windows);
    await step.context.sendActivity(`Booked: ${description}. ${ADULT_AT_HOME}`);
    return step.endDialog({
      booked: true,
      slot,
      visitExternalId: outcome.visitExternalId,
      description,
    } satisfies BookVisitResult);
  }
}
