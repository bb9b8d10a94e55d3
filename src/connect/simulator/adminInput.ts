import { z } from 'zod';
import { isIsoDate } from './calendar';
import { SIMULATED_EVENT_TYPES } from './eventSender';
import { PLANNING_WINDOWS } from './planningWindows';

/**
 * Bodies of the admin API (simulator-only, not part of Connect). Connect objects inside them (properties, job
 * codes) are checked against openapi.yaml instead, so they cannot drift from the contract.
 */
const isoDate = z.string().refine(isIsoDate, 'must be a yyyy-MM-dd date');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time');
const windowId = z
  .number()
  .int()
  .refine((id) => PLANNING_WINDOWS.some((w) => w.Id === id), 'must be a planning window id (1-5)');
const operationId = z.string().min(1);
const count = z.number().int().positive();

export const resetInput = z.object({ now: instant.optional() }).strict();
export const clockInput = z.object({ now: instant, frozen: z.boolean().optional() }).strict();
export const eventsTargetInput = z.object({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(1) }).strict();

export const configInput = z
  .object({
    tokenLifetimeSeconds: z.number().int().positive().optional(),
    /** Where events go (the bot's events URL and shared secret); null stops sending. */
    eventsTarget: eventsTargetInput.nullable().optional(),
  })
  .strict()
  .refine((c) => c.tokenLifetimeSeconds !== undefined || c.eventsTarget !== undefined, {
    message: 'give tokenLifetimeSeconds or eventsTarget',
  });

export const capacityInput = z
  .object({ date: isoDate, planningWindowId: windowId, capacity: z.number().int().min(0) })
  .strict();

export const seedInput = z
  .object({
    properties: z.array(z.unknown()).optional(),
    suppliers: z.array(z.object({ ExternalId: z.string().min(1), Name: z.string().min(1) }).strict()).optional(),
    jobCodes: z.array(z.unknown()).optional(),
    capacity: z.array(capacityInput).optional(),
  })
  .strict();

export const faultInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('latency'),
      ms: z.number().int().min(0),
      operationId: operationId.optional(),
      count: count.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('status'), status: z.number().int().min(100).max(599), operationId, count }).strict(),
  z.object({ kind: z.literal('drop'), operationId, count }).strict(),
  z.object({ kind: z.literal('expire-tokens') }).strict(),
  z.object({ kind: z.literal('take-slot'), date: isoDate, planningWindowId: windowId }).strict(),
]);

export const visitChangeInput = z
  .object({
    VisitStatus: z.number().int().min(0).max(6).optional(),
    VisitResultType: z.number().int().min(0).max(3).optional(),
    OperativeComments: z.string().optional(),
    /** Moves the visit to this day and window (both or neither): a re-appointment made in Connect. */
    Date: isoDate.optional(),
    PlanningWindowId: windowId.optional(),
    /** Also tell the bot, as Connect would: the event matching the change is sent to the events target. */
    sendEvent: z.boolean().optional(),
  })
  .strict()
  .refine((c) => (c.Date === undefined) === (c.PlanningWindowId === undefined), {
    message: 'Date and PlanningWindowId go together',
    path: ['PlanningWindowId'],
  });

/** POST /simulator/events: an event for the bot; blanks are filled from the simulator's own order and visits. */
export const eventInput = z
  .object({
    eventType: z.enum(SIMULATED_EVENT_TYPES),
    PrimaryOrderNumber: z.string().min(1),
    /** Default: the order's most recently booked visit, for events about a visit. */
    VisitExternalId: z.string().min(1).optional(),
    /** Default: the visit's slot, for appointment events. */
    Date: isoDate.optional(),
    PlanningWindowId: windowId.optional(),
    VisitStatus: z.number().int().min(0).max(6).optional(),
    VisitResultType: z.number().int().min(0).max(3).optional(),
    /** Default: 'EV-' and a number. */
    EventId: z.string().min(1).optional(),
    /** Default: the simulator's clock. */
    OccurredAt: instant.optional(),
    /** A Connect call id for the bot to answer with a ResponseCallback; true makes one up. */
    CloudExternalId: z.union([z.string().min(1), z.literal(true)]).optional(),
  })
  .strict();

export type SeedInput = z.infer<typeof seedInput>;
export type FaultInput = z.infer<typeof faultInput>;
export type VisitChange = z.infer<typeof visitChangeInput>;
export type EventInput = z.infer<typeof eventInput>;
