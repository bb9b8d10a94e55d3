import { WaterfallDialog, type WaterfallStepContext } from './botbuilderDialogs';
import { isConnectError } from '../connect';
import { type HomeAppointments, isHistory, loadHomeAppointments } from '../repairs/appointments';
import { homeList } from './appointments/appointmentWords';
import { CANCEL_REPAIR_DIALOG, CancelRepairDialog, type CancelRepairOptions } from './appointments/cancelRepairDialog';
import { askToChoose, chosenIndex, type Menu, MenuPrompt } from './appointments/menuPrompt';
import { MOVE_VISIT_DIALOG, MoveVisitDialog, type MoveVisitOptions } from './appointments/moveVisitDialog';
import { type DialogDeps } from './dialogDeps';
import { APPOINTMENTS_DIALOG, REPORT_REPAIR_DIALOG, TENANT_CHECK_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { type ReportRepairOptions } from './reportRepairDialog';
import { stepValues } from './stepValues';
import { type TenantCheckResult } from './tenantCheckDialog';

const STEPS = 'appointments.steps';
const MENU_PROMPT = 'appointments.menu';

const MOVE = 'Move an appointment';
const CANCEL = 'Cancel a repair';
const DONE = 'Nothing else, thanks';
const REPORT = 'Report a repair';
const NO_THANKS = 'No, thanks';

interface Values {
  home: HomeAppointments;
  menu: Menu;
}

/** Nothing listed: offer a report ("yes" will do). Otherwise what can be done with what is listed. */
function menuOf(home: HomeAppointments): Menu {
  if (home.visits.length === 0 && home.waiting.length === 0) {
    return {
      titles: [REPORT, NO_THANKS],
      also: [
        ['yes', 'yes please'],
        ['no', 'no thanks'],
      ],
    };
  }
  return {
    titles: [
      ...(home.visits.some((v) => !isHistory(v.state)) ? [MOVE] : []),
      ...(home.cancellable.length > 0 ? [CANCEL] : []),
      DONE,
    ],
  };
}

/**
 * My appointments: after the tenant check, the verified home's visits from today to eight weeks ahead (one
 * BookingSummary GET), in plain words; then move a visit or cancel a repair. Nothing booked: offer a report.
 */
export class AppointmentsDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(APPOINTMENTS_DIALOG, deps);
    this.addDialog(new MenuPrompt(MENU_PROMPT))
      .addDialog(new MoveVisitDialog(deps))
      .addDialog(new CancelRepairDialog(deps))
      .addDialog(new WaterfallDialog(STEPS, [this.identify.bind(this), this.list.bind(this), this.route.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async identify(step: WaterfallStepContext) {
    return step.beginDialog(TENANT_CHECK_DIALOG);
  }

  private async list(step: WaterfallStepContext) {
    const checked = step.result as TenantCheckResult | undefined;
    // Not verified: the tenant check has already given the phone number.
    if (!checked) return step.endDialog();
    const { services } = this.deps;
    let home: HomeAppointments;
    try {
      // Always the property the tenant check verified, never anything the tenant typed.
      home = await loadHomeAppointments(services, checked.propertyId);
    } catch (error) {
      if (!isConnectError(error)) throw error;
      await step.context.sendActivity(
        `Sorry, I cannot see your appointments just now because our repairs system is not answering. Please try again later, or call us on ${services.phones.repairs}.`,
      );
      return step.endDialog();
    }
    const menu = menuOf(home);
    Object.assign(stepValues<Values>(step), { home, menu });
    if (menu.titles[0] === REPORT) {
      return askToChoose(
        step,
        MENU_PROMPT,
        'You have no repair visits booked in the next eight weeks. Would you like to report a repair?',
        menu,
      );
    }
    await step.context.sendActivity(homeList(home));
    if (menu.titles.length === 1) {
      await step.context.sendActivity(`To ask about any of these, call us on ${services.phones.repairs}.`);
      return step.endDialog();
    }
    return askToChoose(step, MENU_PROMPT, 'What would you like to do?', menu);
  }

  private async route(step: WaterfallStepContext) {
    const { home, menu } = stepValues<Values>(step) as Values;
    switch (menu.titles[chosenIndex(step, menu) ?? -1]) {
      case REPORT:
        return step.replaceDialog(REPORT_REPAIR_DIALOG, {} satisfies ReportRepairOptions);
      case MOVE:
        return step.replaceDialog(MOVE_VISIT_DIALOG, { home } satisfies MoveVisitOptions);
      case CANCEL:
        return step.replaceDialog(CANCEL_REPAIR_DIALOG, { home } satisfies CancelRepairOptions);
      default:
        await step.context.sendActivity('OK. If you need anything else, just say hello.');
        return step.endDialog();
    }
  }
}
