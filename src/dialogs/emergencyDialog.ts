import { WaterfallDialog, type WaterfallStepContext } from './botbuilderDialogs';
import { type EmergencyMatch } from '../repairs/emergencies';
import { type DialogDeps } from './dialogDeps';
import { EMERGENCY_DIALOG, REPORT_REPAIR_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { callEmergencyLine, emergencyReportStarts, gasEmergency } from './messages';
import { type ReportRepairOptions } from './reportRepairDialog';
import { trackFunnel } from './funnel';

const STEPS = 'emergency.steps';

export interface EmergencyOptions {
  emergency: EmergencyMatch;
  /** The tenant's words that raised it, used to find the repair type of an emergency order. */
  text: string;
}

/**
 * What the catalogue says to do for each emergency: gas goes to the national gas emergency number and nothing is
 * booked; "call the emergency line" gives the 24-hour number with advice for while they wait; "book an
 * emergency" raises an emergency order (24-hour target, out-of-hours visits allowed).
 */
export class EmergencyDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(EMERGENCY_DIALOG, deps);
    this.addDialog(new WaterfallDialog(STEPS, [this.act.bind(this), this.done.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async act(step: WaterfallStepContext) {
    const { emergency, text } = step.options as EmergencyOptions;
    const { phones } = this.deps.services;
    trackFunnel(step.context, this.deps.services, 'emergency-detected', { instruction: emergency.instruction });
    switch (emergency.instruction) {
      case 'call-gas-emergency':
        await step.context.sendActivity(gasEmergency());
        return step.endDialog();
      case 'call-emergency-line':
        await step.context.sendActivity(callEmergencyLine(emergency, phones));
        return step.endDialog();
      case 'book-emergency': {
        const data = await this.deps.conversationData.get(step.context, {});
        data.emergenciesHandled = [...(data.emergenciesHandled ?? []), emergency.emergencyId];
        await step.context.sendActivity(emergencyReportStarts(emergency));
        return step.beginDialog(REPORT_REPAIR_DIALOG, {
          initialText: text,
          emergency: true,
        } satisfies ReportRepairOptions);
      }
    }
  }

  private async done(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }
}
