import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { operationMethods } from '../../../src/connect/client/operationMethods';
import { connectVersions } from '../../../src/connect/client/versions';

interface SpecOperation {
  operationId: string;
  method: string;
  version: unknown;
}

const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operationsInSpec(): SpecOperation[] {
  const spec: unknown = parse(readFileSync(join(__dirname, '../../../src/connect/openapi.yaml'), 'utf8'));
  const paths = (spec as { paths: Record<string, Record<string, Record<string, unknown>>> }).paths;
  return Object.values(paths).flatMap((pathItem) =>
    httpMethods
      .filter((method) => pathItem[method] !== undefined)
      .map((method) => ({
        operationId: String(pathItem[method]?.operationId),
        method: method.toUpperCase(),
        version: pathItem[method]?.['x-connect-version'],
      })),
  );
}

describe('per-operation maps against openapi.yaml', () => {
  const apiOperations = operationsInSpec().filter((operation) => operation.operationId !== 'token');

  it('covers all 29 /api operations (30 with the token) and nothing else', () => {
    expect(apiOperations).toHaveLength(29);
    expect(Object.keys(connectVersions).sort()).toEqual(apiOperations.map((o) => o.operationId).sort());
    expect(Object.keys(operationMethods).sort()).toEqual(apiOperations.map((o) => o.operationId).sort());
  });

  it('sends for each operation the version its x-connect-version names', () => {
    const fromSpec = Object.fromEntries(apiOperations.map((o) => [o.operationId, o.version]));
    expect(connectVersions).toEqual(fromSpec);
  });

  it('knows the HTTP method of each operation', () => {
    const fromSpec = Object.fromEntries(apiOperations.map((o) => [o.operationId, o.method]));
    expect(operationMethods).toEqual(fromSpec);
  });

  it('leaves the token grant unversioned', () => {
    const token = operationsInSpec().find((o) => o.operationId === 'token');
    expect(token).toMatchObject({ method: 'POST', version: undefined });
  });
});
