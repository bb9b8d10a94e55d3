import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Document, OpenAPIBackend, ValidationContext, type Operation } from 'openapi-backend';
import type { ModelState } from './apiError';
import { bindMembers, bindQuery, type SchemaShape } from './memberBinding';
import { toModelState } from './modelState';
import type { SimulatorLogger } from './options';

/**
 * The Connect contract (src/connect/openapi.yaml) loaded with openapi-backend: the simulator routes, validates
 * every request and checks every answer against it, so it can never drift from what the typed client expects.
 */
export function openApiDefinitionPath(): string {
  // From src (ts-jest) the yaml sits next to this folder. tsc does not copy it into dist, so from a build look for
  // the project's src copy in the folders above.
  const besideUs = path.join(__dirname, '..', 'openapi.yaml');
  if (existsSync(besideUs)) return besideUs;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const inSources = path.join(dir, 'src', 'connect', 'openapi.yaml');
    if (existsSync(inSources)) return inSources;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`openapi.yaml not found next to ${__dirname} nor in a src/connect folder above it`);
}

/** node_modules/.cache/repairs-bot above this folder (where build tools keep their caches), if there is one. */
function cacheFolder(): string | undefined {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (existsSync(modules)) return path.join(modules, '.cache', 'repairs-bot');
  }
  return undefined;
}

/**
 * The yaml as an object. Parsing 100 KB of YAML takes a few hundred milliseconds of start-up; the result is kept as
 * JSON in node_modules/.cache, named by a hash of the yaml's text, so an edited yaml is parsed afresh. Any trouble
 * with the cache (none there, read-only, damaged) just means parsing the yaml.
 */
async function loadDocument(): Promise<Document> {
  const text = readFileSync(openApiDefinitionPath(), 'utf8');
  const folder = cacheFolder();
  const cached = folder && path.join(folder, `connect-openapi-${createHash('sha256').update(text).digest('hex')}.json`);
  if (cached && existsSync(cached)) {
    try {
      return JSON.parse(readFileSync(cached, 'utf8')) as Document;
    } catch {
      // damaged: parse the yaml and write it again
    }
  }
  // Loaded only when needed: the yaml library takes a while to load too.
  const { parse } = await import('yaml');
  const document = parse(text) as Document;
  if (folder && cached) {
    try {
      mkdirSync(folder, { recursive: true });
      const partial = `${cached}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(document));
      renameSync(partial, cached);
    } catch {
      // no cache this time
    }
  }
  return document;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface RequestToValidate {
  method: string;
  /** the path in the spec's casing, relative to the base path */
  specPath: string;
  query: Record<string, string | string[]>;
  /** the parsed JSON body, undefined when there was none */
  body: unknown;
}

export type RequestVerdict =
  | { valid: true; params: Record<string, unknown>; query: Record<string, unknown>; body: unknown }
  | { valid: false; modelState: ModelState };

let loading: Promise<ConnectDefinition> | undefined;

type CompiledValidator = ((value: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string }[] | null;
};

export class ConnectDefinition {
  private readonly componentValidators = new Map<string, CompiledValidator>();

  private constructor(private readonly api: OpenAPIBackend) {}

  /**
   * The definition is read-only, so every simulator in a process shares one. Loading it is quick: checking the yaml
   * against the OpenAPI meta-schema (about a second) is left to `npm run lint:spec`, and each operation's validators
   * are compiled on its first use, or by `warmUp()` in the background once the simulator listens.
   */
  static load(logger: SimulatorLogger): Promise<ConnectDefinition> {
    loading ??= ConnectDefinition.compile(logger).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  }

  private static async compile(logger: SimulatorLogger): Promise<ConnectDefinition> {
    const document = await loadDocument();
    const api = new OpenAPIBackend({
      definition: document,
      strict: true,
      validate: true,
      // Quick: no meta-schema check of the yaml, a synchronous dereference, and validators compiled lazily.
      quick: true,
      coerceTypes: true,
      ajvOpts: {
        allErrors: true, // ASP.NET reports every invalid member, not the first
        verbose: true, // gives each error its data and parent schema, for ASP.NET-like messages
        // The schemas are the yaml's, which `npm run lint:spec` checks; checking each against JSON Schema's own
        // meta-schema again here would first compile that meta-schema: about 75 ms before the first answer.
        validateSchema: false,
        logger: {
          log: () => undefined,
          warn: (...args: unknown[]) => logger.warn({ ajv: args }, 'ajv warning'),
          error: (...args: unknown[]) => logger.error({ ajv: args }, 'ajv error'),
        },
      },
      customizeAjv: (ajv) => {
        // the yaml uses patterns for dates, but accept the standard formats should it use them
        ajv.addFormat('date', {
          type: 'string',
          validate: (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)),
        });
        ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
        return ajv;
      },
    });
    await api.init();
    return new ConnectDefinition(api);
  }

  private warming?: Promise<void>;

  /**
   * Compiles every operation's request and response validators, one operation at a time with `pauseMs` between
   * them so that requests arriving meanwhile are served in between (an operation they need is compiled on the spot).
   * A pause of 0 yields one turn of the event loop; the app pauses longer so that its first requests (the health
   * check's, a tenant's first turn) do not queue behind a run of compiles. Once per process; resolves when all are
   * compiled.
   */
  warmUp(pauseMs = 0): Promise<void> {
    this.warming ??= (async () => {
      const validator = this.api.validator;
      for (const operation of this.api.getOperations()) {
        await new Promise<void>((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
        validator.getRequestValidatorsForOperation(operation.operationId as string);
        validator.getResponseValidatorForOperation(operation.operationId as string);
      }
    })();
    return this.warming;
  }

  operations(): Operation[] {
    return this.api.getOperations();
  }

  /** The highest version of the method the simulator knows (the contract's `x-connect-version`). */
  static versionCeiling(operation: Operation): number {
    const ceiling = (operation as { 'x-connect-version'?: unknown })['x-connect-version'];
    return typeof ceiling === 'number' ? ceiling : Number.POSITIVE_INFINITY;
  }

  private static bodySchema(operation: Operation): SchemaShape | undefined {
    const body = operation.requestBody as { content?: Record<string, { schema?: SchemaShape }> } | undefined;
    return body?.content?.['application/json']?.schema;
  }

  static takesJsonBody(operation: Operation): boolean {
    return ConnectDefinition.bodySchema(operation) !== undefined;
  }

  private static queryNames(operation: Operation): string[] {
    return ((operation.parameters ?? []) as { in?: string; name?: string }[])
      .filter((p) => p.in === 'query' && typeof p.name === 'string')
      .map((p) => p.name as string);
  }

  validateRequest(operation: Operation, request: RequestToValidate): RequestVerdict {
    const query = bindQuery(request.query, ConnectDefinition.queryNames(operation));
    const body =
      request.body === undefined ? undefined : bindMembers(request.body, ConnectDefinition.bodySchema(operation));
    const result = this.api.validateRequest(
      {
        method: request.method,
        path: request.specPath,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        query,
        body,
      },
      operation,
    );
    if (!result.valid) return { valid: false, modelState: toModelState(result.errors ?? []) };
    const coerced = result.coerced as { params?: Record<string, unknown>; query?: Record<string, unknown> } | undefined;
    return { valid: true, params: coerced?.params ?? {}, query: coerced?.query ?? query, body };
  }

  /** Complaints about an answer the simulator is about to send; none means it matches the contract. */
  responseComplaints(operation: Operation, status: number, body: unknown): string[] {
    const result = this.api.validateResponse(body, operation, status);
    if (result.valid) return [];
    return (result.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`);
  }

  /** Complaints about a value that should be one of the contract's schemas (admin seeding uses it). */
  componentComplaints(schemaName: string, value: unknown): string[] {
    let validate = this.componentValidators.get(schemaName);
    if (!validate) {
      const schema = (this.api.definition.components?.schemas ?? {})[schemaName];
      if (!schema) throw new Error(`No schema ${schemaName} in openapi.yaml`);
      validate = this.api.validator.getAjv(ValidationContext.RequestBody).compile(schema) as CompiledValidator;
      this.componentValidators.set(schemaName, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${schemaName}${e.instancePath} ${e.message ?? 'is invalid'}`);
  }
}
