import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, DialogTurnStatus } from './botbuilderDialogs';
import { type DialogDeps } from './dialogDeps';
import { help, STOPPED } from './messages';
import { turnSignals } from './turnSignals';
import { trackFunnel } from './funnel';

const HELP = /^(help|help me|what can you do|\?+)$/i;
const STOP = /^(cancel|stop|quit|exit|end|bye|goodbye)[.!]*$/i;
const START_AGAIN = /^(start again|start over|restart|menu|main menu|go back to the start)[.!]*$/i;

/**
 * The base of every task dialog (the samples' CancelAndHelpDialog): at any prompt, "help" answers and asks the
 * question again, "stop" ends everything, "start again" goes back to the start, and words that describe an
 * emergency stop the current task so the emergency is dealt with first.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return undefined;
    const text = activity.text.trim();

    if (HELP.test(text)) {
      await innerDc.context.sendActivity(help(this.deps.services.phones));
      // Reprompt from the innermost context: a component's own repromptDialog builds its inner context without a
      // parent, so a task dialog begun from the main dialog's set (tenant check, contact…) would not be found.
      let deepest = innerDc;
      while (deepest.child) deepest = deepest.child;
      await deepest.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (STOP.test(text)) {
      trackFunnel(innerDc.context, this.deps.services, 'abandoned', { reason: 'stop' });
      await innerDc.context.sendActivity(STOPPED);
      return innerDc.cancelAllDialogs(true);
    }
    if (START_AGAIN.test(text)) {
      trackFunnel(innerDc.context, this.deps.services, 'abandoned', { reason: 'start-again' });
      turnSignals(innerDc.context).restart = true;
      return innerDc.cancelAllDialogs(true);
    }
    const emergency = this.deps.services.emergencies.detect(text);
    if (emergency) {
      const data = await this.deps.conversationData.get(innerDc.context, {});
      if (!data.emergenciesHandled?.includes(emergency.emergencyId)) {
        turnSignals(innerDc.context).emergency = emergency;
        return innerDc.cancelAllDialogs(true);
      }
    }
    return undefined;
  }
}
