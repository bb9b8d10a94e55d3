/**
 * The planning windows of the contract (see the shared contract): ids, names and times are what Connect's booking
 * screen shows. Window 5 is the out-of-hours window, offered only to emergencies and out-of-hours orders.
 */
export interface PlanningWindowDefinition {
  Id: number;
  Name: string;
  StartHour: number;
  StartMinute: number;
  EndHour: number;
  EndMinute: number;
}

export const OUT_OF_HOURS_WINDOW_ID = 5;

export const PLANNING_WINDOWS: readonly PlanningWindowDefinition[] = [
  { Id: 1, Name: 'ALL DAY', StartHour: 8, StartMinute: 0, EndHour: 16, EndMinute: 59 },
  { Id: 2, Name: 'MORNING', StartHour: 8, StartMinute: 0, EndHour: 12, EndMinute: 59 },
  { Id: 3, Name: 'AFTERNOON', StartHour: 12, StartMinute: 0, EndHour: 16, EndMinute: 59 },
  { Id: 4, Name: 'SCHOOL RUN', StartHour: 9, StartMinute: 30, EndHour: 14, EndMinute: 29 },
  { Id: OUT_OF_HOURS_WINDOW_ID, Name: 'OUT OF HOURS', StartHour: 17, StartMinute: 0, EndHour: 23, EndMinute: 59 },
];

export function planningWindowById(id: number): PlanningWindowDefinition | undefined {
  return PLANNING_WINDOWS.find((w) => w.Id === id);
}

export function windowStartMinutes(window: PlanningWindowDefinition): number {
  return window.StartHour * 60 + window.StartMinute;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local start and end of a window on a day, as `yyyy-MM-ddTHH:mm:ss` (the contract's choice for appointments). */
export function windowBounds(date: string, window: PlanningWindowDefinition): { start: string; end: string } {
  return {
    start: `${date}T${pad(window.StartHour)}:${pad(window.StartMinute)}:00`,
    end: `${date}T${pad(window.EndHour)}:${pad(window.EndMinute)}:00`,
  };
}
