import { Channels } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
  type PromptValidatorContext,
} from 'botbuilder-dialogs';
import { isLockedOut, normalisePostcode } from '../repairs/tenants';
import { type DialogDeps } from './dialogDeps';
import { TENANT_CHECK_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { stepValues } from './stepValues';

interface Values {
  postcode: string;
}

const POSTCODE_PROMPT = 'tenantCheck.postcode';
const HOUSE_AND_SURNAME_PROMPT = 'tenantCheck.houseAndSurname';
const STEPS = 'tenantCheck.steps';

/** What the tenant check returns: the verified property, or nothing when the tenant could not be verified. */
export interface TenantCheckResult {
  propertyId: string;
}

/**
 * Before anything personal is shown: postcode, then house number or name with surname, matched against the
 * tenant directory. A failure never says which answer was wrong; after three the bot gives the phone number.
 */
export class TenantCheckDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(TENANT_CHECK_DIALOG, deps);
    this.addDialog(new TextPrompt(POSTCODE_PROMPT, async (p: PromptValidatorContext<string>) => isPostcode(p)))
      .addDialog(
        new TextPrompt(HOUSE_AND_SURNAME_PROMPT, async (p: PromptValidatorContext<string>) =>
          Boolean(p.recognized.value && /\S+\s*,?\s*\S+/.test(p.recognized.value.trim())),
        ),
      )
      .addDialog(
        new WaterfallDialog(STEPS, [this.askPostcode.bind(this), this.askHouse.bind(this), this.check.bind(this)]),
      );
    this.initialDialogId = STEPS;
  }

  private async askPostcode(step: WaterfallStepContext) {
    const data = await this.deps.conversationData.get(step.context, {});
    if (data.verifiedPropertyId) return step.endDialog({ propertyId: data.verifiedPropertyId });
    // On Teams the user is signed in with Microsoft Entra ID: an account the directory records needs no questions.
    const { channelId, from } = step.context.activity;
    const teamsTenant =
      channelId === Channels.Msteams && from?.aadObjectId
        ? this.deps.services.tenants.findByTeamsUser(from.aadObjectId)
        : null;
    if (teamsTenant) {
      data.verifiedPropertyId = teamsTenant.propertyId;
      return step.endDialog({ propertyId: teamsTenant.propertyId } satisfies TenantCheckResult);
    }
    if (isLockedOut(data.tenantCheckFailures ?? 0)) {
      await step.context.sendActivity(this.phoneInstead());
      return step.endDialog();
    }
    return step.prompt(POSTCODE_PROMPT, {
      prompt: 'First I need to find your home. What is your postcode?',
      retryPrompt: 'That does not look like a postcode. Please type it like this: LS1 4AB.',
    });
  }

  private async askHouse(step: WaterfallStepContext) {
    stepValues<Values>(step).postcode = normalisePostcode(step.result as string) ?? '';
    return step.prompt(HOUSE_AND_SURNAME_PROMPT, {
      prompt: 'Thank you. What is your house number or name, and your surname? For example: 12, Smith',
      retryPrompt: 'Please type your house number or name, a comma, then your surname. For example: 12, Smith',
    });
  }

  private async check(step: WaterfallStepContext) {
    const tenant = this.deps.services.tenants.findByAnswers(
      stepValues<Values>(step).postcode ?? '',
      step.result as string,
    );
    const data = await this.deps.conversationData.get(step.context, {});
    if (tenant) {
      data.verifiedPropertyId = tenant.propertyId;
      data.tenantCheckFailures = 0;
      return step.endDialog({ propertyId: tenant.propertyId } satisfies TenantCheckResult);
    }
    data.tenantCheckFailures = (data.tenantCheckFailures ?? 0) + 1;
    if (isLockedOut(data.tenantCheckFailures)) {
      await step.context.sendActivity(this.phoneInstead());
      return step.endDialog();
    }
    await step.context.sendActivity(
      'Sorry, I could not match those details to a home we look after. Please check them and try again.',
    );
    return step.replaceDialog(STEPS);
  }

  private phoneInstead(): string {
    return `I am sorry, I cannot confirm your details here. Please call us on ${this.deps.services.phones.repairs} and we will help you. For an emergency call ${this.deps.services.phones.emergency}.`;
  }
}

function isPostcode(prompt: PromptValidatorContext<string>): boolean {
  return prompt.recognized.succeeded && normalisePostcode(prompt.recognized.value ?? '') !== null;
}
