import { z } from 'zod';

/**
 * The shape of a repairs catalogue file: the landlord's priorities, contractors, emergencies and the repair types
 * (sub-areas) a tenant can report. Only the shape lives here; rules between parts (a sub-area's priority must exist,
 * codes must be unique, …) are in `catalogueRules.ts` so that each problem can be reported with its own path.
 */

/** Connect's JobCode.CodeExternalId: longer codes are refused when the order is raised. */
export const MAX_CODE_LENGTH = 64;
/** Names are shown to tenants as buttons and in texts; longer ones wrap badly on every channel. */
export const MAX_NAME_LENGTH = 100;

const text = z.string().trim().min(1, { error: 'must not be empty' });
const identifier = text;
const name = text.max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` });
const positiveInteger = z.number().int().positive({ error: 'must be above 0' });

const targetSchema = z.union(
  [z.strictObject({ hours: positiveInteger }), z.strictObject({ workingDays: positiveInteger })],
  {
    error: 'must be { "hours": n } or { "workingDays": n }',
  },
);

export const prioritySchema = z.object({ id: identifier, name, target: targetSchema });

export const supplierSchema = z.object({ externalId: identifier, name });

export const emergencyInstructions = ['call-gas-emergency', 'call-emergency-line', 'book-emergency'] as const;

export const emergencySchema = z.object({
  id: identifier,
  name,
  // A trigger of punctuation alone could never match a tenant's words.
  triggers: z
    .array(text.regex(/[a-z0-9]/i, { error: 'must contain a word' }))
    .min(1, { error: 'must list at least one trigger' }),
  instruction: z.enum(emergencyInstructions, { error: `must be one of ${emergencyInstructions.join(', ')}` }),
});

const contractorSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Internal') }),
    z.object({ type: z.literal('External'), supplierExternalId: identifier }),
  ],
  { error: 'type must be "Internal" or "External"' },
);

export const subAreaSchema = z.object({
  id: identifier,
  name,
  code: text.max(MAX_CODE_LENGTH, { error: `must be at most ${MAX_CODE_LENGTH} characters (Connect's JobCode)` }),
  priority: identifier,
  contractor: contractorSchema,
  codeTemplateId: positiveInteger,
  outOfHours: z.boolean(),
  trade: text,
  synonyms: z.array(text),
});

export const categorySchema = z.object({
  id: identifier,
  name,
  subAreas: z.array(subAreaSchema).min(1, { error: 'must hold at least one sub-area' }),
});

export const catalogueSchema = z.object({
  // The landlord's revision of the file; the format itself is described by this schema.
  version: positiveInteger,
  contractExternalId: identifier,
  priorities: z.array(prioritySchema).min(1, { error: 'must list at least one priority' }),
  suppliers: z.array(supplierSchema),
  emergencies: z.array(emergencySchema),
  categories: z.array(categorySchema).min(1, { error: 'must hold at least one category' }),
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type Priority = Catalogue['priorities'][number];
export type PriorityTarget = Priority['target'];
export type Supplier = Catalogue['suppliers'][number];
export type Emergency = Catalogue['emergencies'][number];
export type EmergencyInstruction = Emergency['instruction'];
export type Category = Catalogue['categories'][number];
export type SubArea = Category['subAreas'][number];
export type Contractor = SubArea['contractor'];
