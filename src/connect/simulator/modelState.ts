import type { ValidationResult } from 'openapi-backend';
import { addComplaint, type ModelState } from './apiError';

/**
 * Turns ajv's complaints about a request into ASP.NET Web API's ModelState: keys name the member as the action's
 * `request` parameter sees it (`request.Customer.PrimaryContact.FirstName`, `request.JobCodes[0].CodeExternalId`;
 * path parameters by their own name, e.g. `orderId`), messages read like ASP.NET's.
 */
export type AjvError = NonNullable<ValidationResult['errors']>[number];

interface Member {
  key: string;
  /** the member's own name, used in messages */
  field: string;
  /** Json.NET's path inside the body, used in conversion messages */
  jsonPath: string;
  location: string;
}

const DOTNET_TYPES: Record<string, string> = {
  integer: 'System.Int32',
  number: 'System.Decimal',
  boolean: 'System.Boolean',
  string: 'System.String',
  array: 'System.Collections.Generic.List`1',
};

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function memberOf(error: AjvError): Member {
  const segments = error.instancePath.split('/').slice(1).map(decodePointer);
  const missing =
    error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  if (segments.length === 0) {
    // the whole request body (or query) is missing
    return { key: 'request', field: 'request', jsonPath: '', location: missing ?? 'requestBody' };
  }
  const [location, ...rest] = segments;
  if (missing !== undefined) rest.push(missing);
  const field = [...rest].reverse().find((s) => !/^\d+$/.test(s)) ?? 'request';
  const jsonPath = rest.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  if (location === 'path') return { key: rest[0] ?? 'request', field, jsonPath, location };
  const key = 'request' + rest.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
  return { key, field, jsonPath, location };
}

function quoted(data: unknown): string {
  return typeof data === 'string' ? data : JSON.stringify(data);
}

function complaintFor(error: AjvError, member: Member): string {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as { minimum?: number; maximum?: number };
  switch (error.keyword) {
    case 'required':
      return member.key === 'request' && member.location === 'requestBody'
        ? 'A non-empty request body is required.'
        : `The ${member.field} field is required.`;
    case 'maxLength':
      return `The field ${member.field} must be a string with a maximum length of ${String(params.limit)}.`;
    case 'minLength':
      return `The field ${member.field} must be a string with a minimum length of ${String(params.limit)}.`;
    case 'type':
      if (member.location !== 'requestBody')
        return `The value '${quoted(error.data)}' is not valid for ${member.field}.`;
      return `Error converting value ${JSON.stringify(error.data)} to type '${DOTNET_TYPES[String(params.type)] ?? member.field}'. Path '${member.jsonPath}'.`;
    case 'enum':
      return `The value '${quoted(error.data)}' is not valid for ${member.field}.`;
    case 'minimum':
    case 'maximum':
      if (parent.minimum !== undefined && parent.maximum !== undefined) {
        return `The field ${member.field} must be between ${parent.minimum} and ${parent.maximum}.`;
      }
      return `The field ${member.field} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`;
    case 'pattern':
    case 'format':
      return `The value '${quoted(error.data)}' is not valid for ${member.field}.`;
    default:
      return `The field ${member.field} is invalid: ${error.message ?? error.keyword}.`;
  }
}

export function toModelState(errors: AjvError[]): ModelState {
  const modelState: ModelState = {};
  for (const error of errors) {
    if (error.keyword === 'parse') {
      addComplaint(modelState, 'request', error.message ?? 'The request body is not valid JSON.');
      continue;
    }
    const member = memberOf(error);
    const complaint = complaintFor(error, member);
    if (!modelState[member.key]?.includes(complaint)) addComplaint(modelState, member.key, complaint);
  }
  return modelState;
}
