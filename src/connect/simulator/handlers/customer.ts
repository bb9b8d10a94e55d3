import { addComplaint, ConnectApiError, INVALID_REQUEST_MESSAGE, type ModelState } from '../apiError';
import type { Customer, CustomerModel } from '../connectTypes';
import { requireRealDate } from './lookups';
import type { OperationHandler } from './types';

/**
 * Customer POST (version 4): records a property and its contact. The simulator also keeps it as the spec's
 * Customer object, which is what SalesOrder (UseExistingCustomerDetails) and BookingSummary work with.
 */
function asCustomer(model: CustomerModel): Customer {
  const address = model.CustomerAddress;
  const contact = model.CustomerContact;
  return {
    ExternalId: model.ExternalId,
    OrganisationExternalId: model.OrganisationExternalId,
    Name: model.Name,
    PrimaryContact: {
      ExternalId: contact.ExternalId,
      FirstName: contact.FirstName,
      LastName: contact.LastName,
      ...(contact.HomePhone !== undefined ? { HomePhone: contact.HomePhone } : {}),
      ...(contact.WorkPhone !== undefined ? { WorkPhone: contact.WorkPhone } : {}),
      ...(contact.MobilePhone !== undefined ? { MobilePhone: contact.MobilePhone } : {}),
      ...(contact.HomeEmail !== undefined ? { EmailAddress: contact.HomeEmail } : {}),
    },
    PrimaryAddress: {
      ExternalId: address.ExternalId,
      Line1: address.Address1,
      ...(address.Address2 !== undefined ? { Line2: address.Address2 } : {}),
      ...(address.Address3 !== undefined ? { Line3: address.Address3 } : {}),
      City: address.City,
      PostCode: address.PostCode,
      ...(address.Region !== undefined ? { Region: address.Region } : {}),
    },
  };
}

export const postCustomer: OperationHandler<'postCustomer'> = ({ body, office }) => {
  const { state } = office;
  requireRealDate('request.TenancyCommencementDate', body.TenancyCommencementDate);
  const modelState: ModelState = {};
  if (state.customers.has(body.ExternalId)) {
    addComplaint(modelState, 'request.ExternalId', `A customer with ExternalId '${body.ExternalId}' already exists.`);
  }
  if (!state.organisations.has(body.OrganisationExternalId)) {
    addComplaint(
      modelState,
      'request.OrganisationExternalId',
      `The organisation '${body.OrganisationExternalId}' does not exist.`,
    );
  }
  if (body.ParentExternalId !== undefined && !state.customers.has(body.ParentExternalId)) {
    addComplaint(
      modelState,
      'request.ParentExternalId',
      `The parent customer '${body.ParentExternalId}' does not exist.`,
    );
  }
  if (Object.keys(modelState).length > 0) throw ConnectApiError.badRequest(INVALID_REQUEST_MESSAGE, modelState);
  state.customerModels.set(body.ExternalId, structuredClone(body));
  state.customers.set(body.ExternalId, asCustomer(body));
  return { status: 201, body: structuredClone(body) };
};
