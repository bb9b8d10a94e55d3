import { type Activity, Channels } from 'botbuilder';
import {
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
  type PromptValidatorContext,
} from './botbuilderDialogs';
import { isLockedOut, normalisePostcode } from '../repairs/tenants';
import { isSmsChannel } from './render/channelKind';
import { type DialogDeps } from './dialogDeps';
import { TENANT_CHECK_DIALOG } from './dialogIds';
import { InterruptibleDialog } from './interruptibleDialog';
import { stepValues } from './stepValues';
import { trackFunnel } from './funnel';

interface Values {
  postcode: string;
  /** The home whose mobile on record texted us: its postcode alone then completes the check. */
  knownMobileProperty?: string;
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
      trackFunnel(step.context, this.deps.services, 'tenant-identified', { how: 'teams' });
      return step.endDialog({ propertyId: teamsTenant.propertyId } satisfies TenantCheckResult);
    }
    const signedIn = await this.siteIdentity(step);
    if (signedIn) {
      data.verifiedPropertyId = signedIn;
      trackFunnel(step.context, this.deps.services, 'tenant-identified', { how: 'website' });
      await step.context.sendActivity('You are signed in on our website, so I already know which home this is for.');
      return step.endDialog({ propertyId: signedIn } satisfies TenantCheckResult);
    }
    if (isLockedOut(data.tenantCheckFailures ?? 0)) {
      await step.context.sendActivity(this.phoneInstead());
      return step.endDialog();
    }
    // A text from a mobile we have on record: the postcode alone completes the check. The number alone is not
    // enough (phones are shared, lost and spoofed), and nothing is said about whose number it is.
    const knownMobile = isSmsChannel(channelId) ? this.knownMobile(step.context.activity) : null;
    if (knownMobile) {
      stepValues<Values>(step).knownMobileProperty = knownMobile.propertyId;
      return step.prompt(POSTCODE_PROMPT, {
        prompt: 'To keep your details safe, please tell me the postcode of the home this is about.',
        retryPrompt: 'That does not look like a postcode. Please type it like this: LS1 4AB.',
      });
    }
    return step.prompt(POSTCODE_PROMPT, {
      prompt: 'First I need to find your home. What is your postcode?',
      retryPrompt: 'That does not look like a postcode. Please type it like this: LS1 4AB.',
    });
  }

  /** Our Twilio adapter passes the sender's number in channelData; Azure's SMS channel uses it as `from.id`. */
  private knownMobile(activity: Activity) {
    const channelData = activity.channelData as { smsFrom?: unknown } | undefined;
    const phone = typeof channelData?.smsFrom === 'string' ? channelData.smsFrom : activity.from?.id;
    return phone ? this.deps.services.tenants.findByMobile(phone) : null;
  }

  /**
   * The property named by a token the housing website signed for its logged-in tenant (sent by the widget in
   * channelData.identityToken), or null. A refused token is said once, then the normal questions are asked.
   */
  private async siteIdentity(step: WaterfallStepContext): Promise<string | null> {
    const verifier = this.deps.services.siteIdentity;
    const channelData = step.context.activity.channelData as { identityToken?: unknown } | undefined;
    const token = channelData?.identityToken;
    if (!verifier || typeof token !== 'string' || token === '') return null;
    const data = await this.deps.conversationData.get(step.context, {});
    if (data.siteIdentityRefused) return null;
    const result = await verifier.verify(token);
    const tenant = result.ok ? this.deps.services.tenants.findByPropertyId(result.propertyId) : undefined;
    if (tenant) return tenant.propertyId;
    data.siteIdentityRefused = true;
    await step.context.sendActivity(
      'I could not confirm your sign-in from our website, so I need to ask you a couple of questions instead.',
    );
    return null;
  }

  private async askHouse(step: WaterfallStepContext) {
    const values = stepValues<Values>(step);
    values.postcode = normalisePostcode(step.result as string) ?? '';
    const knownMobile = values.knownMobileProperty
      ? this.deps.services.tenants.findByPropertyId(values.knownMobileProperty)
      : undefined;
    if (knownMobile && knownMobile.address.postcode === values.postcode) {
      const data = await this.deps.conversationData.get(step.context, {});
      data.verifiedPropertyId = knownMobile.propertyId;
      trackFunnel(step.context, this.deps.services, 'tenant-identified', { how: 'sms-known-mobile' });
      data.tenantCheckFailures = 0;
      return step.endDialog({ propertyId: knownMobile.propertyId } satisfies TenantCheckResult);
    }
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
      trackFunnel(step.context, this.deps.services, 'tenant-identified', { how: 'questions' });
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
