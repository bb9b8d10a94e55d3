import {
  type HomeAppointments,
  type RepairSummary,
  type VisitState,
  type VisitSummary,
} from '../../repairs/appointments';

/** What "My appointments" says, in plain words; short prompts stay next to the steps that ask them. */

export function homeList(home: HomeAppointments): string {
  const lines: string[] = [];
  if (home.visits.length > 0) {
    lines.push('Your repair visits from today to eight weeks ahead:');
    lines.push(...home.visits.map((v) => `- ${v.what}: ${v.when}. ${v.status}.`));
  } else {
    lines.push('You have no repair visits booked in the next eight weeks.');
  }
  if (home.waiting.length > 0) {
    lines.push('', 'Repairs with no visit booked yet:');
    lines.push(...home.waiting.map((r) => `- ${r.what} (reference ${r.reference})`));
  }
  return lines.join('\n');
}

/** A visit as a choice: 'Bath leaking: Thursday 3 December, morning, 8am to 1pm'. */
export const visitTitle = (visit: VisitSummary): string => `${visit.what}: ${visit.when}`;

export const repairTitle = (repair: RepairSummary): string =>
  `${repair.what}: ${repair.visits[0] ?? 'no visit booked yet'}`;

function dueWords(minDays: number): string {
  if (minDays <= 0) return 'today';
  if (minDays === 1) return 'today or tomorrow';
  return `today or in the next ${minDays} days`;
}

const NOT_BOOKED: Partial<Record<VisitState, string>> = {
  planned: 'Our team has already planned this visit',
  accepted: 'The engineer has already accepted this visit',
  started: 'The engineer is on the way',
  'on-hold': 'This visit is on hold: our team will arrange the time',
};

function whyNot(visit: VisitSummary, minDays: number): string {
  if (!visit.rebook.allowed && visit.rebook.reason === 'too-soon') {
    return `Too soon: visits due ${dueWords(minDays)} cannot be moved online`;
  }
  return NOT_BOOKED[visit.state] ?? 'This visit cannot be moved online';
}

/** Why each of these visits cannot be moved here, and the number to call instead. */
export function cannotMove(visits: readonly VisitSummary[], minDays: number, phone: string): string {
  const one = visits.length === 1;
  return [
    one ? 'I cannot move this appointment online:' : 'I cannot move these appointments online:',
    ...visits.map((v) => `- ${v.what}, ${v.when}. ${whyNot(v, minDays)}.`),
    `To change ${one ? 'it' : 'them'}, please call us on ${phone}.`,
  ].join('\n');
}
