import { type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from './botbuilderDialogs';
import { BookVisitDialog } from './bookVisitDialog';
import { ContactDetailsDialog } from './contactDetailsDialog';
import { DiagnosisDialog } from './diagnosisDialog';
import { type DialogDeps } from './dialogDeps';
import { AppointmentsDialog } from './appointmentsDialog';
import { APPOINTMENTS_DIALOG, EMERGENCY_DIALOG, HAND_OFF_DIALOG, MAIN_DIALOG, REPORT_REPAIR_DIALOG } from './dialogIds';
import { HandOffDialog, type HandOffOptions } from './handOffDialog';
import { EmergencyDialog, type EmergencyOptions } from './emergencyDialog';
import { InterruptibleDialog } from './interruptibleDialog';
import { STARTING_AGAIN } from './messages';
import { menuChoice } from './render/menuChoice';
import { renderChoices } from './render/renderChoices';
import { ReportRepairDialog, type ReportRepairOptions } from './reportRepairDialog';
import { TenantCheckDialog } from './tenantCheckDialog';
import { turnSignals } from './turnSignals';
import { trackFunnel } from './funnel';

const MENU_PROMPT = 'main.menu';
const STEPS = 'main.steps';

const REPORT = 'Report a repair';
const APPOINTMENTS = 'My appointments';
const SOMETHING_ELSE = 'Something else';
const MENU = [REPORT, APPOINTMENTS, SOMETHING_ELSE];

const GREETING = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|start|get started|menu)\b[\s!.,]*$/i;

export interface MainOptions {
  emergency?: EmergencyOptions;
  /** Show the menu even if the message could be read as a repair (after "start again"). */
  showMenu?: boolean;
}

/**
 * The start of every conversation: a repair described in the tenant's own words goes straight into a report;
 * otherwise the menu. Also the root that the interruptions (start again, emergencies) come back to.
 */
export class MainDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new TextPrompt(MENU_PROMPT))
      .addDialog(new EmergencyDialog(deps))
      .addDialog(new ReportRepairDialog(deps))
      .addDialog(new TenantCheckDialog(deps))
      .addDialog(new ContactDetailsDialog(deps))
      .addDialog(new DiagnosisDialog(deps))
      .addDialog(new BookVisitDialog(deps))
      .addDialog(new AppointmentsDialog(deps))
      .addDialog(new HandOffDialog(deps))
      .addDialog(new WaterfallDialog(STEPS, [this.start.bind(this), this.route.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Runs one turn through the dialog stack (as the samples' MainDialog.run), starting or restarting as needed. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    const signals = turnSignals(context);
    if (signals.emergency) {
      await dc.beginDialog(this.id, {
        emergency: { emergency: signals.emergency, text: context.activity.text ?? '' },
      } satisfies MainOptions);
    } else if (signals.restart) {
      await context.sendActivity(STARTING_AGAIN);
      await dc.beginDialog(this.id, { showMenu: true } satisfies MainOptions);
    } else if (result.status === DialogTurnStatus.empty) {
      trackFunnel(context, this.deps.services, 'conversation-started');
      await dc.beginDialog(this.id);
    }
  }

  private async start(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as MainOptions;
    if (options.emergency) return step.replaceDialog(EMERGENCY_DIALOG, options.emergency);
    // A fresh start means no report is in flight: an emergency handled in an earlier report may interrupt again.
    const data = await this.deps.conversationData.get(step.context, {});
    delete data.emergenciesHandled;
    const text = step.context.activity.text?.trim() ?? '';
    if (!options.showMenu && text && !GREETING.test(text)) {
      const emergency = this.deps.services.emergencies.detect(text);
      if (emergency) return step.replaceDialog(EMERGENCY_DIALOG, { emergency, text } satisfies EmergencyOptions);
      const picked = menuChoice(text, MENU);
      if (picked === undefined && this.deps.services.matcher.decide(text).kind !== 'none') {
        return step.replaceDialog(REPORT_REPAIR_DIALOG, { initialText: text } satisfies ReportRepairOptions);
      }
      if (picked !== undefined) return step.next(text);
    }
    return step.prompt(MENU_PROMPT, {
      prompt: renderChoices(
        step.context.activity.channelId,
        'What would you like to do? You can also just tell me what needs repairing.',
        MENU,
      ),
    });
  }

  private async route(step: WaterfallStepContext) {
    const answer = String(step.result ?? '').trim();
    switch (menuChoice(answer, MENU)) {
      case 0:
        return step.replaceDialog(REPORT_REPAIR_DIALOG, {} satisfies ReportRepairOptions);
      case 1:
        return step.replaceDialog(APPOINTMENTS_DIALOG);
      case 2:
        return step.replaceDialog(HAND_OFF_DIALOG, { reason: 'something-else' } satisfies HandOffOptions);
    }
    const emergency = this.deps.services.emergencies.detect(answer);
    if (emergency) return step.replaceDialog(EMERGENCY_DIALOG, { emergency, text: answer } satisfies EmergencyOptions);
    if (this.deps.services.matcher.decide(answer).kind !== 'none') {
      return step.replaceDialog(REPORT_REPAIR_DIALOG, { initialText: answer } satisfies ReportRepairOptions);
    }
    await step.context.sendActivity('Sorry, I did not understand that.');
    return step.replaceDialog(STEPS, { showMenu: true } satisfies MainOptions);
  }
}
