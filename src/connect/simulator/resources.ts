import { fnv1a } from './hash';

/** Fictional operatives; a booked visit gets one, chosen from its slot so the same slot gives the same name. */
const OPERATIVES = ['Dave Whitaker', 'Sam Patel', 'Jo Lindqvist', 'Mo Rahman', 'Kerry Baines', 'Lee Ashworth'];

export function operativeFor(date: string, planningWindowId: number, visitExternalId: string): string {
  return OPERATIVES[fnv1a(`resource:${date}:${planningWindowId}:${visitExternalId}`) % OPERATIVES.length];
}
