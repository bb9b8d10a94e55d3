import type { IncomingMessage } from 'node:http';
import { ConnectApiError, INVALID_REQUEST_MESSAGE } from './apiError';
import { ConnectDefinition } from './connectDefinition';
import type { Exchange } from './exchange';
import { HANDLERS } from './handlers';
import type { ApiOperationId, OperationCall } from './handlers/types';
import { headerValue } from './httpIo';
import type { SimulatorCore } from './simulatorCore';
import { requestedVersion } from './versioning';

/**
 * An `/api/...` call once routed, in ASP.NET Web API's order: version negotiation (controller selection), the
 * bearer token (the Authorize filter), the JSON body (formatter), model validation, then the action itself.
 */
const UNAUTHORIZED = { Message: 'Authorization has been denied for this request.' };

/** The handlers receive bodies and queries already validated against the contract, so one cast here is safe. */
type AnyHandler = (call: OperationCall<ApiOperationId>) => { status: number; body: unknown };

function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || mediaType === 'text/json' || mediaType.endsWith('+json');
}

function isApiOperationId(operationId: string | undefined): operationId is ApiOperationId {
  return operationId !== undefined && operationId in HANDLERS;
}

export function runApiOperation(
  core: SimulatorCore,
  exchange: Exchange,
  req: IncomingMessage,
  rawBody: string,
  specPath: string,
): void {
  const operation = exchange.operation;
  const operationId = operation?.operationId;
  if (!operation || !isApiOperationId(operationId))
    throw new Error(`No handler for ${operationId ?? 'an unnamed operation'}`);

  const version = requestedVersion(req.headers.accept);
  if (!version.ok) return exchange.answer(400, { Message: version.reason });
  exchange.version = version.version;
  const ceiling = ConnectDefinition.versionCeiling(operation);
  if (version.version > ceiling) {
    return exchange.answer(400, {
      Message: `The requested version ${version.version} is not supported by ${operationId}; the highest supported version is ${ceiling}.`,
    });
  }

  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(req, 'authorization') ?? '');
  if (!bearer || !core.tokens.isValid(bearer[1], core.clock.now())) {
    return exchange.answer(401, UNAUTHORIZED, { 'WWW-Authenticate': 'Bearer' });
  }

  let body: unknown = undefined;
  if (ConnectDefinition.takesJsonBody(operation) && rawBody.trim() !== '') {
    const contentType = headerValue(req, 'content-type');
    if (!isJsonMediaType(contentType)) {
      return exchange.answer(415, {
        Message: `The request entity's media type '${contentType ?? 'application/octet-stream'}' is not supported for this resource.`,
      });
    }
    try {
      body = JSON.parse(rawBody);
    } catch (error) {
      const complaint = error instanceof Error ? error.message : 'The request body is not valid JSON.';
      return exchange.answer(400, { Message: INVALID_REQUEST_MESSAGE, ModelState: { request: [complaint] } });
    }
  }

  const verdict = core.definition.validateRequest(operation, {
    method: operation.method,
    specPath,
    query: exchange.query,
    body,
  });
  if (!verdict.valid) return exchange.answer(400, { Message: INVALID_REQUEST_MESSAGE, ModelState: verdict.modelState });

  const handler = HANDLERS[operationId] as unknown as AnyHandler;
  try {
    const result = handler({
      body: verdict.body,
      query: verdict.query,
      params: verdict.params,
      version: version.version,
      office: core.backoffice,
    } as OperationCall<ApiOperationId>);
    exchange.answer(result.status, result.body);
  } catch (error) {
    if (error instanceof ConnectApiError) return exchange.answer(error.status, error.body);
    core.logger.error({ operationId, err: error }, 'simulator handler failed');
    core.responseFailures.push({
      at: new Date().toISOString(),
      operationId,
      status: 500,
      complaints: [`handler threw: ${error instanceof Error ? error.message : String(error)}`],
    });
    exchange.answer(500, { Message: 'An error has occurred.' });
  }
}
