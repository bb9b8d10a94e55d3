import { ContractorType, OrderSource, type SalesOrder } from '../../connect';
import { type Catalogue, type Priority, type SubArea } from '../catalogue';
import { contactPreferencesFor } from '../tenants';
import { targetDate } from '../time';
import { MAX_DESCRIPTION_LENGTH, type RepairReport } from './repairReport';

const EMERGENCY_PRIORITY_FALLBACK = 'EMG';

/**
 * Connect's string limits (Contact and Address objects, JobDescription) — longer values would be refused with a
 * 400. A cut that falls inside a character outside the BMP (an emoji) drops that character whole: half of one is not
 * valid text, and Connect would store a replacement character.
 */
function clip(value: string, max: number): string;
function clip(value: string | undefined, max: number): string | undefined;
function clip(value: string | undefined, max: number): string | undefined {
  if (value === undefined || value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** An emergency takes the catalogue's shortest target in hours, whatever the sub-area's usual priority. */
export function emergencyPriorityOf(catalogue: Catalogue): Priority | undefined {
  const hoursOf = (p: Priority) => ('hours' in p.target ? p.target.hours : Number.POSITIVE_INFINITY);
  const byHours = catalogue.priorities.filter((p) => 'hours' in p.target).sort((a, b) => hoursOf(a) - hoursOf(b));
  return byHours[0] ?? catalogue.priorities.find((p) => p.id === EMERGENCY_PRIORITY_FALLBACK);
}

function priorityFor(report: RepairReport, subArea: SubArea, catalogue: Catalogue): Priority | undefined {
  if (report.emergency) return emergencyPriorityOf(catalogue);
  return catalogue.priorities.find((p) => p.id === subArea.priority);
}

/** The works order (SalesOrder POST body) for a report: what the spec's section 1.3.1 calls "create the works order". */
export function salesOrderFor(report: RepairReport, subArea: SubArea, catalogue: Catalogue, zone: string): SalesOrder {
  const priority = priorityFor(report, subArea, catalogue);
  if (!priority) throw new Error(`The catalogue has no priority "${subArea.priority}" for ${subArea.code}`);
  const { tenant, contact } = report;
  const preferences = contactPreferencesFor({
    wantsTexts: contact.wantsTexts,
    hasMobile: Boolean(contact.mobile),
    hasEmail: Boolean(contact.email),
  });
  const contactName = [tenant.contact.firstName, tenant.contact.lastName].filter(Boolean).join(' ');
  const description = clip(`${subArea.name}: ${report.description}`, MAX_DESCRIPTION_LENGTH);

  return {
    PrimaryOrderNumber: report.orderNumber,
    Customer: {
      ExternalId: tenant.propertyId,
      OrganisationExternalId: tenant.organisationId,
      Name: clip(tenant.name ?? contactName, 64),
      PrimaryContact: {
        FirstName: clip(tenant.contact.firstName, 64),
        LastName: clip(tenant.contact.lastName, 64),
        MobilePhone: clip(tenant.contact.mobilePhone, 32),
        HomePhone: clip(tenant.contact.homePhone, 32),
        WorkPhone: clip(tenant.contact.workPhone, 32),
        EmailAddress: clip(tenant.contact.email, 64),
      },
      PrimaryAddress: {
        Line1: clip(tenant.address.line1, 128),
        Line2: clip(tenant.address.line2, 128),
        Line3: clip(tenant.address.line3, 128),
        City: clip(tenant.address.city, 64),
        PostCode: tenant.address.postcode,
      },
    },
    OrderContact: {
      ContactName: contactName,
      MobilePhone: contact.mobile,
      HomePhone: contact.homePhone,
      EmailAddress: contact.email,
      MessagingPreference: preferences.messagingPreference,
      ContactPreference: preferences.contactPreference,
    },
    ContractExternalId: catalogue.contractExternalId,
    TargetDateUTC: targetDate(priority.target, report.raisedAt, zone),
    PriorityExternalId: priority.id,
    JobDescription: description,
    JobCodes: [{ CodeExternalId: subArea.code, Quantity: 1 }],
    OrderSource: OrderSource.TenantPortal,
    CrmId: report.conversationId,
    CodeTemplateId: subArea.codeTemplateId,
    ContractorType: subArea.contractor.type === 'External' ? ContractorType.External : ContractorType.Internal,
    OutOfHours: report.emergency || subArea.outOfHours,
  };
}
