import { createHash } from 'node:crypto';
/**
 * A small evaluator for the ARM template expressions the deployment templates use ("[format('{0}', ...)]"), so that
 * a test can compute the app settings a deployment would write and hand them to loadConfig. It knows the functions
 * these templates call; anything else throws, so a template that starts using a new function fails the test loudly
 * rather than being half-evaluated. Functions that ask Azure (reference, listKeys) return fixed stand-ins.
 */

export type ArmValue = string | number | boolean | null | ArmValue[] | { [key: string]: ArmValue };

export interface ArmScope {
  parameters: Record<string, ArmValue>;
  variables: Record<string, ArmValue>;
}

/** What reference() of an Application Insights component or a Web App returns, as far as the templates read it. */
export const STAND_IN_REFERENCE: Record<string, ArmValue> = {
  ConnectionString:
    'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
  identity: { principalId: '00000000-0000-4000-8000-000000000001' },
};

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'punct'; value: '(' | ')' | ',' | '.' | '[' | ']' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const ch = text[at];
    if (/\s/.test(ch)) at++;
    else if (ch === "'") {
      // ARM escapes a quote inside a string literal by doubling it.
      let value = '';
      at++;
      for (;;) {
        if (at >= text.length) throw new Error(`unterminated string in ${text}`);
        if (text[at] === "'" && text[at + 1] === "'") {
          value += "'";
          at += 2;
        } else if (text[at] === "'") {
          at++;
          break;
        } else value += text[at++];
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?\d+/.exec(text.slice(at));
      if (!match) throw new Error(`bad number in ${text}`);
      tokens.push({ kind: 'number', value: Number(match[0]) });
      at += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at)) as RegExpExecArray;
      tokens.push({ kind: 'name', value: match[0] });
      at += match[0].length;
    } else if ('(),.[]'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch as '(' | ')' | ',' | '.' | '[' | ']' });
      at++;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  return tokens;
}

function isEmpty(value: ArmValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function asString(value: ArmValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function call(name: string, args: ArmValue[], scope: ArmScope): ArmValue {
  const has = (record: Record<string, ArmValue>, key: ArmValue, what: string): ArmValue => {
    if (typeof key !== 'string' || !(key in record)) throw new Error(`${what}('${String(key)}') is not declared`);
    return record[key];
  };
  switch (name) {
    case 'parameters':
      return has(scope.parameters, args[0], 'parameters');
    case 'variables':
      return has(scope.variables, args[0], 'variables');
    case 'concat':
      return args.every(Array.isArray) ? (args as ArmValue[][]).flat() : args.map(asString).join('');
    case 'format':
      return asString(args[0]).replace(/\{(\d+)\}/g, (_, n: string) => asString(args[Number(n) + 1]));
    case 'string':
      return asString(args[0]);
    case 'if':
      return args[0] === true ? args[1] : args[2];
    case 'empty':
      return isEmpty(args[0]);
    case 'not':
      return args[0] !== true;
    case 'equals':
      return JSON.stringify(args[0]) === JSON.stringify(args[1]);
    case 'null':
      return null;
    case 'createObject': {
      const object: Record<string, ArmValue> = {};
      for (let i = 0; i < args.length; i += 2) object[asString(args[i])] = args[i + 1];
      return object;
    }
    case 'uniqueString':
      // ARM's is a 13-character base-32 hash of its arguments; any stable hash of that length stands in.
      return createHash('sha256').update(args.map(asString).join('|')).digest('hex').slice(0, 13);
    case 'subscription':
      return {
        subscriptionId: '00000000-0000-4000-8000-00000000000a',
        tenantId: '00000000-0000-4000-8000-00000000000b',
      };
    case 'resourceGroup':
      return {
        id: '/subscriptions/00000000-0000-4000-8000-00000000000a/resourceGroups/repairs-bot-rg',
        name: 'repairs-bot-rg',
        location: 'uksouth',
      };
    case 'environment':
      return { suffixes: { keyvaultDns: '.vault.azure.net', storage: 'core.windows.net' } };
    case 'resourceId':
    case 'subscriptionResourceId':
      return `/${name}/${args.map(asString).join('/')}`;
    case 'reference':
      return STAND_IN_REFERENCE;
    case 'listKeys':
      return { keys: [{ value: 'c3RhbmQtaW4tc3RvcmFnZS1rZXk=' }] };
    default:
      throw new Error(`the test's ARM evaluator does not know ${name}()`);
  }
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: ArmScope,
  ) {}

  parse(): ArmValue {
    const value = this.expression();
    if (this.at !== this.tokens.length) throw new Error('trailing tokens in expression');
    return value;
  }

  private next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new Error('expression ends too early');
    return token;
  }

  private expect(value: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.value !== value) throw new Error(`expected ${value}`);
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'punct' && token.value === value;
  }

  private expression(): ArmValue {
    const token = this.next();
    let value: ArmValue;
    if (token.kind === 'string' || token.kind === 'number') value = token.value;
    else if (token.kind === 'name') {
      this.expect('(');
      const args: ArmValue[] = [];
      while (!this.peek(')')) {
        args.push(this.expression());
        if (!this.peek(')')) this.expect(',');
      }
      this.expect(')');
      value = call(token.value, args, this.scope);
    } else throw new Error(`unexpected ${token.value}`);
    // Property and index access: reference(...).identity.principalId, listKeys(...).keys[0].value
    for (;;) {
      if (this.peek('.')) {
        this.at++;
        const property = this.next();
        if (property.kind !== 'name') throw new Error('expected a property name');
        value = member(value, property.value);
      } else if (this.peek('[')) {
        this.at++;
        const index = this.expression();
        this.expect(']');
        value = member(value, index);
      } else return value;
    }
  }
}

function member(value: ArmValue, key: ArmValue): ArmValue {
  if (value === null || typeof value !== 'object') throw new Error(`cannot read ${String(key)} of ${String(value)}`);
  const found = Array.isArray(value) ? value[Number(key)] : value[asString(key)];
  if (found === undefined) throw new Error(`no ${String(key)} in ${JSON.stringify(value)}`);
  return found;
}

/** Evaluates one template value: an expression string "[...]", a literal ("[[" escapes a leading bracket), or JSON. */
export function evaluate(value: ArmValue, scope: ArmScope): ArmValue {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (value.startsWith('[') && value.endsWith(']')) return new Parser(tokenize(value.slice(1, -1)), scope).parse();
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, evaluate(item, scope)]));
  }
  return value;
}
