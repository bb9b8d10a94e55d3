import type { ConnectClient } from '../client/createConnectClient';
import type {
  AvailabilityByTrade,
  AvailabilityByTradeResponse,
  AvailabilityResponse,
  Booking,
  BookingResponse,
  BookingSummaryResponse,
  PlanningWindow,
} from './connectTypes';
import { expectArray, expectBody } from './expectBody';

export interface AvailabilityRequest {
  primaryOrderNumber: string;
  /** yyyy-MM-dd; the answer covers the whole week of this date. */
  date?: string;
  /** 1 to 5; Connect's default is 1. */
  numberOfWeeks?: number;
  /** When moving an existing visit. */
  visitExternalId?: string;
  ignoreWeekends?: boolean;
  resourceExternalId?: string;
}

/** Whose appointments: a property's, or one order's. */
export type BookingSummarySubject = { propertyId: string } | { primaryOrderNumber: string };

/** Bounds of a booking summary, each `yyyy-MM-dd HH:mm:ss`. */
export interface BookingSummaryWindow {
  start?: string;
  end?: string;
}

/** Appointment slots: what is free, booking one, what is booked, and the planning windows. */
export function schedulingMethods(client: ConnectClient) {
  return {
    /** Availability GET: free slots per planning window for the order's week(s). */
    async getAvailability(request: AvailabilityRequest): Promise<AvailabilityResponse> {
      const query = {
        PrimaryOrderNumber: request.primaryOrderNumber,
        Date: request.date,
        NumberOfWeeks: request.numberOfWeeks,
        VisitExternalId: request.visitExternalId,
        IgnoreWeekends: request.ignoreWeekends,
        ResourceExternalId: request.resourceExternalId,
      };
      const availability = await client.call('getAvailability', (api, init) =>
        api.GET('/api/Availability', { ...init, params: { query } }),
      );
      return expectBody('getAvailability', availability);
    },

    /** AvailabilityByTrade POST: free slots for skills and a postcode, before any order exists. */
    async getAvailabilityByTrade(request: AvailabilityByTrade): Promise<AvailabilityByTradeResponse> {
      const availability = await client.call('postAvailabilityByTrade', (api, init) =>
        api.POST('/api/AvailabilityByTrade', { ...init, body: request }),
      );
      return expectBody('postAvailabilityByTrade', availability);
    },

    /** Booking POST: book (or, with VisitExternalId, move) the order's visit into a date and planning window. */
    async book(booking: Booking): Promise<BookingResponse> {
      const booked = await client.call('postBooking', (api, init) =>
        api.POST('/api/Booking', { ...init, body: booking }),
      );
      return expectBody('postBooking', booked);
    },

    /** BookingSummary GET: the appointments of a property or an order, optionally within a window. */
    async getBookingSummary(
      subject: BookingSummarySubject,
      window: BookingSummaryWindow = {},
    ): Promise<BookingSummaryResponse> {
      const query = {
        PropertyId: 'propertyId' in subject ? subject.propertyId : undefined,
        PrimaryOrderNumber: 'primaryOrderNumber' in subject ? subject.primaryOrderNumber : undefined,
        WindowStart: window.start,
        WindowEnd: window.end,
      };
      const summary = await client.call('getBookingSummary', (api, init) =>
        api.GET('/api/BookingSummary', { ...init, params: { query } }),
      );
      return expectBody('getBookingSummary', summary);
    },

    /** PlanningWindow GET: every planning window (the slots' names and hours). */
    async getPlanningWindows(): Promise<PlanningWindow[]> {
      const windows = await client.call('getPlanningWindows', (api, init) =>
        api.GET('/api/PlanningWindow', { ...init }),
      );
      return expectArray('getPlanningWindows', windows);
    },
  };
}

export type SchedulingMethods = ReturnType<typeof schedulingMethods>;
