import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, SETTING_NAMES } from '../../src/config';
import { type ArmScope, type ArmValue, evaluate } from './armExpressions';

/*
 * The Azure templates are checked without Azure: they parse, they are well-formed ARM, they use what they declare,
 * every setting the bot reads (the keys of the schema in src/config.ts, read now, not copied) is written as an app
 * setting, every secret reaches the bot only as a Key Vault reference, and the settings a deployment would write
 * pass the bot's own validation. A setting added to src/config.ts and not to the templates fails here by name.
 */

const ROOT = path.join(__dirname, '..', '..');
const DIR = path.join(ROOT, 'deploymentTemplates');
const EXISTING = path.join(DIR, 'deployUseExistResourceGroup');
const NEW = path.join(DIR, 'deployWithNewResourceGroup');

type Json = { [key: string]: ArmValue };
interface Parameter {
  type: string;
  defaultValue?: ArmValue;
  allowedValues?: ArmValue[];
}
interface Template {
  $schema: string;
  contentVersion: string;
  parameters?: Record<string, Parameter>;
  variables?: Record<string, ArmValue>;
  resources: Resource[];
  outputs?: Record<string, { type: string; value: ArmValue }>;
}
interface Resource {
  type: string;
  name: string;
  properties?: Json & { template?: Template; expressionEvaluationOptions?: { scope?: string } };
  [key: string]: unknown;
}
interface ParametersFile {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, { value?: ArmValue; reference?: { keyVault: { id: string }; secretName: string } }>;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

const jsonFiles = filesUnder(DIR).filter((file) => file.endsWith('.json'));
const templateFiles = jsonFiles.filter((file) => path.basename(file).startsWith('template-'));
const parameterFiles = jsonFiles.filter((file) => path.basename(file).startsWith('parameters-for-'));
const rel = (file: string) => path.relative(DIR, file);
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

/** The template and every template nested in it with its own (inner) scope: each declares and uses its own names. */
function scopesOf(template: Template): Template[] {
  const nested = template.resources.flatMap((resource) =>
    resource.type === 'Microsoft.Resources/deployments' && resource.properties?.template
      ? scopesOf(resource.properties.template)
      : [],
  );
  return [template, ...nested];
}

/** The scope's own text: without its parameter declarations and without the bodies of inner-scope templates. */
function ownText(template: Template): string {
  const { parameters: _declared, ...rest } = template;
  return JSON.stringify(rest, (key, value: unknown) =>
    key === 'template' && value !== template ? '<nested template>' : value,
  );
}

const namesCalled = (text: string, fn: 'parameters' | 'variables'): Set<string> =>
  new Set([...text.matchAll(new RegExp(`\\b${fn}\\('([^']+)'\\)`, 'g'))].map((match) => match[1]));

function allResources(template: Template): Resource[] {
  return template.resources.flatMap((resource) => [
    resource,
    ...(resource.properties?.template ? allResources(resource.properties.template) : []),
  ]);
}

/** The Web App's app settings, as written by a Microsoft.Web/sites/config "appsettings" resource. */
function appSettingsOf(template: Template): { settings: Record<string, ArmValue>; owner: Template } {
  for (const scope of scopesOf(template)) {
    const config = scope.resources.find((r) => r.type === 'Microsoft.Web/sites/config' && /appsettings/.test(r.name));
    if (config?.properties) return { settings: config.properties, owner: scope };
  }
  throw new Error('no Microsoft.Web/sites/config appsettings resource');
}

const isSecure = (parameter: Parameter) => /^secure(string|object)$/i.test(parameter.type);
// A parameter named like a secret must be secure, so that no secret can pass as a plain, logged string.
const SECRET_PARAMETER_NAME = /(secret|password|token|connectionstring)$/i;

/*
 * Secret settings: found by name so that a secret setting added tomorrow is held to the same rule, plus SMTP_URL,
 * which carries the mail password in its user-info. APPLICATIONINSIGHTS_CONNECTION_STRING is not one: Microsoft
 * documents it as an identifier, not a credential, and the template writes it from the component directly.
 */
const SECRET_SETTINGS = SETTING_NAMES.filter(
  (name) =>
    (/(PASSWORD|SECRET|AUTH_TOKEN|CONNECTION_STRING)$/i.test(name) &&
      name !== 'APPLICATIONINSIGHTS_CONNECTION_STRING') ||
    name === 'SMTP_URL',
);
/** The secrets the issue names: if one is renamed in src/config.ts, this test says so rather than passing quietly. */
const NAMED_SECRETS = [
  'CONNECT_PASSWORD',
  'MicrosoftAppPassword',
  'DIRECT_LINE_SECRET',
  'TWILIO_AUTH_TOKEN',
  'CONNECT_EVENTS_SECRET',
  'WEBCHAT_IDENTITY_SECRET',
  'STORAGE_BLOB_CONNECTION_STRING',
  'SMTP_URL',
];
/**
 * App Service's own settings the template sets; anything else in the template must be a setting the bot reads.
 * APPLICATIONINSIGHTS_CONNECTION_STRING is also read by App Service's Application Insights agent, and is set ahead
 * of the bot's own telemetry (issue 9, item 3), which reads it once it is in src/config.ts.
 */
const PLATFORM_SETTINGS = ['WEBSITES_PORT', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'APPLICATIONINSIGHTS_CONNECTION_STRING'];

const KEY_VAULT_REFERENCE = /@Microsoft\.KeyVault\(SecretUri=\{0\}secrets\/([A-Za-z0-9-]+)\/\)/;
const secretNameFor = (setting: string) => setting.replace(/_/g, '-');

const botAppTemplates = templateFiles.filter((file) => path.basename(file).startsWith('template-BotApp-'));

describe('deployment templates: files', () => {
  it('has the Bot Framework samples layout for both a new and an existing resource group', () => {
    for (const part of ['BotApp', 'AzureBot']) {
      expect(fs.existsSync(path.join(EXISTING, `template-${part}-with-rg.json`))).toBe(true);
      expect(fs.existsSync(path.join(EXISTING, `parameters-for-template-${part}-with-rg.json`))).toBe(true);
      expect(fs.existsSync(path.join(NEW, `template-${part}-new-rg.json`))).toBe(true);
      expect(fs.existsSync(path.join(NEW, `parameters-for-template-${part}-new-rg.json`))).toBe(true);
    }
  });

  it('pairs every template with a parameters file and the other way round', () => {
    const templates = templateFiles.map((file) =>
      path.join(path.dirname(file), `parameters-for-${path.basename(file)}`),
    );
    expect(parameterFiles.sort()).toEqual(templates.sort());
  });

  it.each(jsonFiles.map(rel))('%s parses as JSON', (file) => {
    expect(() => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'))).not.toThrow();
  });

  it.each(templateFiles.map(rel))('%s is an ARM template of the right scope', (file) => {
    const template = read<Template>(path.join(DIR, file));
    const expected = file.startsWith('deployWithNewResourceGroup')
      ? 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'
      : 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
    expect(template.$schema).toBe(expected);
    expect(template.contentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(Array.isArray(template.resources)).toBe(true);
    for (const scope of scopesOf(template).slice(1)) {
      expect(scope.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
    }
  });

  it.each(parameterFiles.map(rel))('%s is an ARM parameters file', (file) => {
    const parameters = read<ParametersFile>(path.join(DIR, file));
    expect(parameters.$schema).toBe(
      'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    );
    expect(parameters.contentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('keeps the new-resource-group templates generated from the existing-group ones', () => {
    // Throws (exit 1) and names the stale files when deployWithNewResourceGroup/ was not regenerated.
    expect(() =>
      execFileSync(process.execPath, [path.join(DIR, 'makeNewResourceGroupTemplates.js'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});

describe.each(templateFiles.map(rel))('deployment template %s', (file) => {
  const template = read<Template>(path.join(DIR, file));
  const parametersFile = read<ParametersFile>(
    path.join(DIR, path.dirname(file), `parameters-for-${path.basename(file)}`),
  );
  const declared = template.parameters ?? {};

  it('uses every parameter and variable it declares, and declares every one it uses', () => {
    for (const scope of scopesOf(template)) {
      const text = ownText(scope);
      const parameters = Object.keys(scope.parameters ?? {});
      const variables = Object.keys(scope.variables ?? {});
      expect(parameters.filter((name) => !namesCalled(text, 'parameters').has(name))).toEqual([]);
      expect([...namesCalled(text, 'parameters')].filter((name) => !parameters.includes(name))).toEqual([]);
      expect(variables.filter((name) => !namesCalled(text, 'variables').has(name))).toEqual([]);
      expect([...namesCalled(text, 'variables')].filter((name) => !variables.includes(name))).toEqual([]);
    }
  });

  it('has a parameters file naming only declared parameters, every required one, with values of the right type', () => {
    const given = parametersFile.parameters;
    expect(Object.keys(given).filter((name) => !(name in declared))).toEqual([]);
    const required = Object.entries(declared).filter(([, p]) => p.defaultValue === undefined);
    expect(required.map(([name]) => name).filter((name) => !(name in given))).toEqual([]);
    for (const [name, entry] of Object.entries(given)) {
      if (entry.value === undefined) continue;
      const type = declared[name].type.toLowerCase();
      const actual = Array.isArray(entry.value) ? 'array' : typeof entry.value;
      const expected = { string: 'string', int: 'number', bool: 'boolean', array: 'array', object: 'object' }[type];
      expect(`${name}: ${actual}`).toBe(`${name}: ${expected}`);
      const allowed = declared[name].allowedValues;
      if (allowed) expect(allowed).toContain(entry.value);
    }
  });

  it('has no default value for a secret, declares secrets as secure, and takes them from Key Vault only', () => {
    for (const scope of scopesOf(template)) {
      for (const [name, parameter] of Object.entries(scope.parameters ?? {})) {
        if (SECRET_PARAMETER_NAME.test(name)) expect(`${name}: ${parameter.type}`).toBe(`${name}: securestring`);
        if (isSecure(parameter))
          expect(`${name} default: ${String(parameter.defaultValue)}`).toBe(`${name} default: undefined`);
      }
    }
    for (const [name, entry] of Object.entries(parametersFile.parameters)) {
      if (!isSecure(declared[name])) continue;
      // A value would put the secret in the repository; a Key Vault reference puts only its name there.
      expect(entry.value).toBeUndefined();
      expect(entry.reference?.keyVault.id).toMatch(/\/providers\/Microsoft\.KeyVault\/vaults\//);
      expect(entry.reference?.secretName).toMatch(/^[A-Za-z0-9-]+$/);
    }
  });
});

describe.each(botAppTemplates.map(rel))('the Web App in %s', (file) => {
  const template = read<Template>(path.join(DIR, file));
  const { settings, owner } = appSettingsOf(template);

  it(`sets every one of the bot's ${SETTING_NAMES.length} settings from src/config.ts`, () => {
    expect(SETTING_NAMES.length).toBeGreaterThan(30);
    expect(SETTING_NAMES.filter((name) => !(name in settings))).toEqual([]);
  });

  it('sets nothing the bot does not read, besides App Service settings', () => {
    const unknown = Object.keys(settings).filter(
      (name) => !SETTING_NAMES.includes(name) && !PLATFORM_SETTINGS.includes(name),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every secret as a Key Vault reference to a secret named after the setting, never a parameter', () => {
    expect(NAMED_SECRETS.filter((name) => !SECRET_SETTINGS.includes(name))).toEqual([]);
    for (const name of SECRET_SETTINGS) {
      const value = String(settings[name]);
      expect(`${name}: ${KEY_VAULT_REFERENCE.exec(value)?.[1]}`).toBe(`${name}: ${secretNameFor(name)}`);
      // Parameters may switch a secret on or off (an "if"), never carry it.
      for (const parameter of namesCalled(value, 'parameters')) {
        const definition = owner.parameters?.[parameter];
        expect(definition && !isSecure(definition) && !SECRET_PARAMETER_NAME.test(parameter)).toBe(true);
      }
    }
    // Secrets reach the Web App only through the vault, so this template has no secret parameters at all.
    const secure = scopesOf(template).flatMap((scope) =>
      Object.entries(scope.parameters ?? {}).filter(([, p]) => isSecure(p)),
    );
    expect(secure).toEqual([]);
  });

  it('runs Node 20 LTS on Linux with a system-assigned identity that can get and list the vault secrets', () => {
    const resources = allResources(template);
    const plan = resources.find((r) => r.type === 'Microsoft.Web/serverfarms') as Resource;
    expect(plan.kind).toBe('linux');
    expect(plan.properties?.reserved).toBe(true);
    expect(owner.parameters?.linuxFxVersion.defaultValue).toBe('NODE|20-lts');
    const engines = read<{ engines: { node: string } }>(path.join(ROOT, 'package.json')).engines.node;
    expect(engines).toMatch(/^>=20\./);
    const site = resources.find((r) => r.type === 'Microsoft.Web/sites') as Resource;
    expect(site.kind).toBe('app,linux');
    expect(JSON.stringify(site.identity)).toContain('SystemAssigned');
    const vault = resources.find((r) => r.type === 'Microsoft.KeyVault/vaults') as Resource;
    const policies = (vault.properties?.accessPolicies ?? []) as {
      objectId: string;
      permissions: { secrets: string[] };
    }[];
    const forApp = policies.find((p) => /reference\(variables\('webAppId'\).*identity\.principalId/.test(p.objectId));
    expect(forApp?.permissions.secrets).toEqual(['get', 'list']);
  });

  it('makes the storage secret itself and names every other secret in the README with the command that sets it', () => {
    const made = allResources(template)
      .filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets')
      .map((r) => /\/([A-Za-z0-9-]+)'/.exec(r.name)?.[1]);
    expect(made).toEqual(['STORAGE-BLOB-CONNECTION-STRING']);
    const readme = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');
    const setInReadme = new Set(
      [...readme.matchAll(/az keyvault secret set[^\n]*--name ([A-Za-z0-9-]+)/g)].map((m) => m[1]),
    );
    const referenced = SECRET_SETTINGS.map(secretNameFor).filter((name) => !made.includes(name));
    expect(referenced.filter((name) => !setInReadme.has(name))).toEqual([]);
  });
});

/*
 * What a deployment would write, computed from the existing-group template and its parameters file (placeholders
 * filled in), with each Key Vault reference resolved to a stand-in secret of the right shape, then given to
 * loadConfig exactly as App Service would give it to the bot. This catches what a key check cannot: an empty value
 * where the bot needs a number, an enum value the bot does not accept, a secret left on for a feature that is off.
 */
describe('the settings a deployment writes', () => {
  const file = path.join(EXISTING, 'template-BotApp-with-rg.json');
  const template = read<Template>(file);
  const parametersFile = read<ParametersFile>(path.join(EXISTING, 'parameters-for-template-BotApp-with-rg.json'));
  const FILLED: Record<string, ArmValue> = {
    appServiceName: 'contoso-repairs-bot',
    appServicePlanName: 'contoso-repairs-plan',
    appId: '11111111-2222-4333-8444-555555555555',
    keyVaultName: 'contoso-repairs-kv',
    keyVaultOperatorObjectId: '22222222-3333-4444-8555-666666666666',
    storageAccountName: 'contosorepairsstate',
  };
  const STAND_IN_SECRETS: Record<string, string> = {
    'SMTP-URL': 'smtps://repairs-bot:mail-password@smtp.example.org:465',
    'STORAGE-BLOB-CONNECTION-STRING':
      'DefaultEndpointsProtocol=https;AccountName=contosorepairsstate;AccountKey=a2V5;EndpointSuffix=core.windows.net',
  };

  function deploy(overrides: Record<string, ArmValue>): Record<string, string> {
    const given: Record<string, ArmValue> = {};
    for (const [name, entry] of Object.entries(parametersFile.parameters)) {
      if (entry.value !== undefined) given[name] = entry.value;
    }
    Object.assign(given, FILLED, overrides);
    const scope: ArmScope = { parameters: {}, variables: {} };
    for (const [name, parameter] of Object.entries(template.parameters ?? {})) {
      const value = name in given ? given[name] : evaluate(parameter.defaultValue ?? null, scope);
      // An unfilled <placeholder> would fail loadConfig for a reason that says nothing about the template.
      expect(typeof value === 'string' && /^<.*>$/.test(value) ? `${name} is a placeholder` : name).toBe(name);
      scope.parameters[name] = value;
    }
    for (const [name, value] of Object.entries(template.variables ?? {}))
      scope.variables[name] = evaluate(value, scope);
    const settings = evaluate(appSettingsOf(template).settings, scope) as Record<string, ArmValue>;
    const vault = `@Microsoft.KeyVault(SecretUri=https://${String(scope.parameters.keyVaultName)}.vault.azure.net/secrets/`;
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(settings)) {
      expect(`${name}: ${typeof value}`).toBe(`${name}: string`);
      const text = String(value);
      if (text.startsWith('@Microsoft.KeyVault(')) {
        // Resolved as App Service would, from this deployment's own vault.
        expect(text.startsWith(vault) && text.endsWith('/)')).toBe(true);
        const secret = text.slice(vault.length, -2);
        env[name] = STAND_IN_SECRETS[secret] ?? `stand-in-${secret}-`.padEnd(48, 'x');
      } else env[name] = text;
    }
    return env;
  }

  it('are accepted by the bot as the parameters file has them: blob state, the simulator, no SMS', () => {
    const env = deploy({});
    const config = loadConfig(env);
    expect(config.storage.kind).toBe('blob');
    expect(config.connect.baseUrl).toBeUndefined();
    expect(config.twilio).toBeUndefined();
    expect(config.publicBaseUrl).toBe('https://contoso-repairs-bot.azurewebsites.net');
    expect(config.port).toBe(8080);
    // Off features leave their secrets empty: an unresolved reference would reach the bot as text and switch them on.
    for (const name of ['CONNECT_PASSWORD', 'CONNECT_EVENTS_SECRET', 'TWILIO_AUTH_TOKEN', 'WEBCHAT_IDENTITY_SECRET']) {
      expect(`${name}=${env[name]}`).toBe(`${name}=`);
    }
  });

  it('are accepted with a real Connect, SMS through the bot, signed website identities and a managed identity', () => {
    const env = deploy({
      connectBaseUrl: 'https://connect.example.org/WS-API',
      connectUsername: 'repairs-bot',
      twilioAccountSid: `AC${'0123456789abcdef'.repeat(2)}`,
      twilioNumber: '+447700900123',
      webChatIdentity: 'secret',
      webChatIdentityIssuer: 'https://www.example.org',
      webChatIdentityAudience: 'repairs-bot',
      appType: 'UserAssignedMSI',
      botIdentityResourceId:
        '/subscriptions/x/resourceGroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/z',
    });
    const config = loadConfig(env);
    expect(config.connect.baseUrl).toBe('https://connect.example.org/WS-API');
    expect(config.twilio?.webhookUrl).toBe('https://contoso-repairs-bot.azurewebsites.net/api/sms');
    expect(env.MicrosoftAppPassword).toBe('');
    expect(env.WEBCHAT_IDENTITY_JWKS_URL).toBe('');
  });

  it('are accepted with website identities checked against a JWKS instead of a shared secret', () => {
    const env = deploy({
      webChatIdentity: 'jwks',
      webChatIdentityJwksUrl: 'https://www.example.org/.well-known/jwks.json',
      webChatIdentityIssuer: 'https://www.example.org',
      webChatIdentityAudience: 'repairs-bot',
    });
    expect(() => loadConfig(env)).not.toThrow();
    expect(env.WEBCHAT_IDENTITY_SECRET).toBe('');
  });
});

describe('the Azure Bot templates', () => {
  const channelsIn = (file: string) =>
    allResources(read<Template>(file))
      .filter((r) => r.type === 'Microsoft.BotService/botServices/channels')
      .map((r) => (r.properties as { channelName: string }).channelName);

  it('register the bot with the Teams and Direct Line channels, and SMS (Twilio) in its own template', () => {
    for (const dir of [EXISTING, NEW]) {
      const suffix = dir === EXISTING ? 'with-rg' : 'new-rg';
      const bot = allResources(read<Template>(path.join(dir, `template-AzureBot-${suffix}.json`)));
      expect(bot.filter((r) => r.type === 'Microsoft.BotService/botServices')).toHaveLength(1);
      expect(channelsIn(path.join(dir, `template-AzureBot-${suffix}.json`)).sort()).toEqual([
        'DirectLineChannel',
        'MsTeamsChannel',
      ]);
      expect(channelsIn(path.join(dir, `template-AzureBot-SmsChannel-${suffix}.json`))).toEqual(['SmsChannel']);
    }
  });
});
