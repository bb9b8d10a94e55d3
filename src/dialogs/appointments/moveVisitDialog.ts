import { WaterfallDialog, type WaterfallStepContext } from '../botbuilderDialogs';
import { type HomeAppointments, isHistory, recordMovedVisit, type VisitSummary } from '../../repairs/appointments';
import { BookVisitDialog, type BookVisitOptions, type BookVisitResult } from '../bookVisitDialog';
import { type DialogDeps } from '../dialogDeps';
import { BOOK_VISIT_DIALOG } from '../dialogIds';
import { InterruptibleDialog } from '../interruptibleDialog';
import { stepValues } from '../stepValues';
import { cannotMove, visitTitle } from './appointmentWords';
import { askToChoose, chosenIndex, MenuPrompt, menuOfNamed } from './menuPrompt';

export const MOVE_VISIT_DIALOG = 'appointments.moveVisit';
const PICK_PROMPT = 'appointments.moveVisit.pick';
const STEPS = 'appointments.moveVisit.steps';

export interface MoveVisitOptions {
  home: HomeAppointments;
}

interface Values {
  visit: VisitSummary;
}

const movable = (home: HomeAppointments) => home.visits.filter((v) => v.rebook.allowed);
const visitMenu = (visits: readonly VisitSummary[]) => menuOfNamed(visits, visitTitle, (v) => v.what);

/**
 * Moves a booked visit that is not due too soon: the tenant picks it (when there are several), then BookVisitDialog
 * offers times with the visit's VisitExternalId (Availability, then Booking, both with it) and the move is
 * confirmed old → new. Visits that cannot be moved are explained, with the phone number.
 */
export class MoveVisitDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MOVE_VISIT_DIALOG, deps);
    this.addDialog(new MenuPrompt(PICK_PROMPT))
      .addDialog(new BookVisitDialog(deps))
      .addDialog(new WaterfallDialog(STEPS, [this.pick.bind(this), this.offer.bind(this), this.confirm.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async pick(step: WaterfallStepContext) {
    const { home } = step.options as MoveVisitOptions;
    const { services } = this.deps;
    const blocked = home.visits.filter((v) => !isHistory(v.state) && !v.rebook.allowed);
    const visits = movable(home);
    if (blocked.length > 0) {
      await step.context.sendActivity(cannotMove(blocked, services.rebookMinDays, services.phones.repairs));
    }
    if (visits.length === 0) {
      if (blocked.length === 0) {
        await step.context.sendActivity(
          `You have no appointments to move. To arrange a visit, call us on ${services.phones.repairs}.`,
        );
      }
      return step.endDialog();
    }
    if (visits.length === 1) return step.next();
    return askToChoose(step, PICK_PROMPT, 'Which appointment do you want to move?', visitMenu(visits));
  }

  private async offer(step: WaterfallStepContext) {
    const visits = movable((step.options as MoveVisitOptions).home);
    const visit = visits.length === 1 ? visits[0]! : visits[chosenIndex(step, visitMenu(visits)) ?? 0]!;
    stepValues<Values>(step).visit = visit;
    const { slots } = this.deps.services;
    const search = slots.start(visit.orderNumber, { emergency: false, visitExternalId: visit.visitExternalId });
    return step.beginDialog(BOOK_VISIT_DIALOG, {
      orderNumber: visit.orderNumber,
      emergency: false,
      visitExternalId: visit.visitExternalId,
      // The visit's own slot is free to Connect while moving it: not worth offering back.
      search: visit.slot ? slots.markShown(search, [visit.slot]) : search,
      intro: `${visit.what}: your visit is ${visit.when}. When would you like us to come instead? These are the earliest free times:`,
    } satisfies BookVisitOptions);
  }

  private async confirm(step: WaterfallStepContext) {
    const visit = stepValues<Values>(step).visit!;
    const result = step.result as BookVisitResult | undefined;
    if (!result?.booked) {
      await step.context.sendActivity(`Your appointment has not changed: ${visit.what}, ${visit.when}.`);
      return step.endDialog();
    }
    await recordMovedVisit(this.deps.services, visit.orderNumber, {
      visitExternalId: result.visitExternalId ?? visit.visitExternalId,
      slot: result.slot,
      description: result.description,
    });
    await step.context.sendActivity(`Moved from ${visit.when} to ${result.description}.`);
    return step.endDialog();
  }
}
