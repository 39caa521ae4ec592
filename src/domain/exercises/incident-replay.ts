import { z } from 'zod';
import { DomainError } from '../errors';
import { findPosition, hicsPositions } from '../hics';
import { incidentHistory, type Incident, type LogEntry, type Message } from '../incidents';
import type { Casualty, Enquiry, TriageCategory } from '../casualties';
import type { BedCount, StockLevel, StockMove } from '../resources';
import { replayWords as words } from './incident-replay-words';
import { MSEL_MAX_INJECTS } from './msel-mutators';

export const ReplayLanguageSchema = z.enum(['zh-CN', 'en']);
export type ReplayLanguage = z.infer<typeof ReplayLanguageSchema>;

/** Arrivals, stock moves and bed reports this close to the first of a burst are one inject: one ambulance run, one stocktake. */
export const REPLAY_BURST_MS = 60_000;
/** The furthest an `at` trigger reaches (injects.ts); a longer incident's later events are left out and counted. */
const MAX_OFFSET_MINUTES = 14 * 24 * 60;

/** What the desk holds of one real incident and its space, read once; nothing of it is written anywhere. */
export type ReplaySource = {
  incident: Incident;
  logEntries: readonly LogEntry[];
  messages: readonly Message[];
  /** The space's holdings and bed lines: their histories are cut to the incident's span. */
  stock: readonly StockLevel[];
  beds: readonly BedCount[];
  casualties: readonly Casualty[];
  /** Family enquiries of the incident: the names sought and asking are kept out too. */
  enquiries: readonly Enquiry[];
  /** Whether the desk holds identities (its user may identify patients): else names recorded are not on it to take out. */
  identitiesHeld: boolean;
  /** Staff names the desk knows (roster, directory): kept out of texts copied from free-text fields. */
  staffNames: readonly string[];
};

/** An MSEL row as the replay drafts it, in the fields `inject.append` takes (ids are the caller's). */
export const ReplayDraftSchema = z.strictObject({
  number: z.number().int().min(1).max(9999),
  trigger: z.strictObject({ type: z.literal('at'), minutes: z.number().int().min(0).max(MAX_OFFSET_MINUTES) }),
  from: z.string().trim().min(1).max(200),
  to: z.string().trim().min(1).max(200),
  method: z.enum(['message', 'stock', 'beds', 'casualties']),
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(4000),
  expectedAction: z.string().max(2000),
});
export type ReplayDraft = z.infer<typeof ReplayDraftSchema>;

export type ReplayPlan = {
  /** Offsets count from the discovery: what players are first told of is what the real command room was. */
  startedAt: number;
  closedAt: number;
  /** Injects the whole timeline makes, before the cap. */
  total: number;
  drafts: ReplayDraft[];
  /** Injects beyond the MSEL's room (cap) or beyond 14 days, left out. */
  omitted: number;
  /**
   * Log and message texts were not copied: people of the incident are named, and this desk may not see the names
   * to take them out. Their injects say so, for the facilitator to write.
   */
  textsWithheld: boolean;
  /** Events of each source in the timeline (casualties: people, not batches). */
  counts: { log: number; messages: number; stock: number; beds: number; casualties: number };
};

type Event = { at: number; order: number; draft: Omit<ReplayDraft, 'number' | 'trigger'> };

/** When the incident closed: its last move to `closed` (history), or its last update on a row from before the history. */
export function closedAt(incident: Incident): number | undefined {
  if (incident.status !== 'closed') return undefined;
  const close = incidentHistory(incident).filter((e) => e.type === 'status_changed' && e.to === 'closed').at(-1);
  return close?.at ?? incident.updatedAt;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every name given, in any case, with its placeholder. A Latin name must stand as a word ("Li" is not
 * taken out of "Limited"); Chinese has no spaces between words, so a Chinese name is replaced wherever it stands.
 */
export function redact(text: string, secrets: readonly { value: string; placeholder: string }[]): string {
  let result = text;
  const sorted = [...secrets].filter((s) => s.value.trim().length >= 2).sort((a, b) => b.value.trim().length - a.value.trim().length);
  for (const { value, placeholder } of sorted) {
    const name = escape(value.trim());
    const pattern = /^[\p{Script=Latin}\d\s.'-]+$/u.test(value.trim()) ? `(?<![\\p{L}\\d])${name}(?![\\p{L}\\d])` : name;
    result = result.replace(new RegExp(pattern, 'giu'), placeholder);
  }
  return result;
}

/** The HICS position an address names ("Planning Chief", "计划组组长", `planning`), longest name first; else everyone. */
export function positionIn(address: string): string {
  const text = address.toLowerCase();
  if (findPosition(address.trim())) return address.trim();
  let best: { id: string; length: number } | undefined;
  for (const position of hicsPositions) {
    for (const name of [position.name.en, position.name['zh-CN']]) {
      if (text.includes(name.toLowerCase()) && (!best || name.length > best.length)) best = { id: position.id, length: name.length };
    }
  }
  return best?.id ?? 'all';
}

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}

/** Events close together as bursts: each burst starts at an event and takes every later one within REPLAY_BURST_MS of it. */
function bursts<T extends { at: number }>(items: readonly T[]): T[][] {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const groups: T[][] = [];
  for (const item of sorted) {
    const current = groups.at(-1);
    const first = current?.[0];
    if (current && first && item.at - first.at < REPLAY_BURST_MS) current.push(item);
    else groups.push([item]);
  }
  return groups;
}

const signed = (move: StockMove): number => (move.kind === 'receive' || move.kind === 'transfer_in' || move.kind === 'count' ? move.qty : -move.qty);

/**
 * A closed real incident's timeline as MSEL injects at their offsets from its discovery, numbered on from
 * `firstNumber`: its 214 log entries and 213 messages as messages to the position concerned, the space's stock
 * moves and bed reports between discovery and close as stock and bed updates for Logistics, and casualty
 * arrivals as batches of synthetic patients counted by triage category. No patient's name, record number, alias
 * or tag, and no staff name the desk knows, reaches an inject; who wrote or sent what is not copied at all. Free
 * texts are copied only where the desk can check them: with a name recorded that this desk may not see, they are
 * left behind and the inject says so.
 * The expected player action is left empty: what the players should do is the facilitator's call, not history's.
 * Offsets count from the discovery rather than the declaration so the drill replays the decision to declare too.
 */
export function replayIncident(source: ReplaySource, options: { language: ReplayLanguage; firstNumber: number; room: number }): ReplayPlan {
  const { incident } = source;
  const end = closedAt(incident);
  if (end === undefined) {
    throw new DomainError('replay_not_closed', `incident ${incident.name} is ${incident.status}: only a closed incident is replayed, its timeline is then complete`, { status: incident.status });
  }
  const w = words[options.language];
  const start = incident.discoveredAt;
  const secrets = [
    ...source.casualties.flatMap((c) => [c.name, c.mrn, c.alias, c.tagNo].flatMap((value) => (value ? [{ value, placeholder: w.patient }] : []))),
    ...source.enquiries.flatMap((e) => [e.enquirer.name, e.sought.name].flatMap((value) => (value ? [{ value, placeholder: w.patient }] : []))),
    ...source.staffNames.map((value) => ({ value, placeholder: w.staff })),
  ];
  // A name recorded but not on this desk cannot be taken out of a text: the text stays behind instead.
  const textsWithheld = !source.identitiesHeld && (source.casualties.some((c) => c.incidentId === incident.id && c.identification !== 'unidentified') || source.enquiries.some((e) => e.incidentId === incident.id));
  const clean = (text: string, max: number) => clip(redact(text, secrets), max);
  const inSpan = (at: number) => at <= end;
  const events: Event[] = [];
  const counts = { log: 0, messages: 0, stock: 0, beds: 0, casualties: 0 };

  const positionName = (id: string) => findPosition(id)?.name[options.language] ?? id;
  for (const entry of source.logEntries) {
    if (entry.incidentId !== incident.id || !inSpan(entry.at)) continue;
    counts.log += 1;
    const to = entry.positionId ?? 'ic';
    events.push({ at: entry.at, order: 1, draft: { from: w.from, to, method: 'message', subject: clean(entry.positionId ? w.log(positionName(entry.positionId)) : w.incidentLog, 200), message: textsWithheld ? w.withheld : clean(entry.text, 4000), expectedAction: '' } });
  }
  for (const message of source.messages) {
    if (message.incidentId !== incident.id || !inSpan(message.sentAt)) continue;
    counts.messages += 1;
    events.push({ at: message.sentAt, order: 2, draft: { from: w.from, to: positionIn(message.to), method: 'message', subject: textsWithheld ? w.message213 : clean(message.subject, 200), message: textsWithheld ? w.withheld : clean(message.message, 4000), expectedAction: '' } });
  }

  const arrivals = source.casualties.filter((c) => c.incidentId === incident.id && inSpan(c.arrivedAt)).map((c) => ({ at: c.arrivedAt, category: c.triage.category }));
  let label = 0;
  for (const batch of bursts(arrivals)) {
    const first = batch[0];
    if (!first) continue;
    counts.casualties += batch.length;
    const byCategory = (Object.keys(w.triage) as TriageCategory[]).flatMap((category) => {
      const n = batch.filter((c) => c.category === category).length;
      return n > 0 ? [`${w.triage[category]} ${n}`] : [];
    });
    const from = label + 1;
    label += batch.length;
    const labels = batch.length === 1 ? `SIM-${from}` : `SIM-${from}–SIM-${label}`;
    events.push({ at: first.at, order: 3, draft: { from: w.from, to: 'ops', method: 'casualties', subject: w.casualtySubject(batch.length), message: w.casualtyText(batch.length, byCategory.join(options.language === 'en' ? ', ' : '，'), labels), expectedAction: '' } });
  }

  const moves = source.stock.flatMap((level) => {
    // The quantity after each move, counted back from today's: the history may have lost its oldest moves.
    const history = [...(level.history ?? [])].sort((a, b) => a.at - b.at);
    let after = level.qty;
    const withLeft = history.map((move) => ({ move, left: 0 })).reverse();
    for (const row of withLeft) {
      row.left = after;
      after -= signed(row.move);
    }
    return withLeft.filter((row) => row.move.at >= start && inSpan(row.move.at)).map((row) => ({ at: row.move.at, line: w.stockLine(level.item, level.store, w.move[row.move.kind], Math.abs(row.move.qty), row.left) }));
  });
  for (const burst of bursts(moves)) {
    const first = burst[0];
    if (!first) continue;
    counts.stock += burst.length;
    events.push({ at: first.at, order: 4, draft: { from: w.from, to: 'logistics', method: 'stock', subject: w.stockSubject(burst.length), message: clean(burst.map((m) => m.line).join('\n'), 4000), expectedAction: '' } });
  }

  const reports = source.beds.flatMap((bed) => bed.history.filter((s) => s.at >= start && inSpan(s.at)).map((s) => ({ at: s.at, line: w.bedLine(bed.unit, bed.type, s) })));
  for (const burst of bursts(reports)) {
    const first = burst[0];
    if (!first) continue;
    counts.beds += burst.length;
    events.push({ at: first.at, order: 5, draft: { from: w.from, to: 'logistics', method: 'beds', subject: w.bedSubject(burst.length), message: clean(burst.map((b) => b.line).join('\n'), 4000), expectedAction: '' } });
  }

  events.sort((a, b) => a.at - b.at || a.order - b.order);
  const timed = events.map((event) => ({ event, minutes: Math.max(0, Math.floor((event.at - start) / 60_000)) }));
  const fitting = timed.filter((t) => t.minutes <= MAX_OFFSET_MINUTES);
  const room = Math.max(0, Math.min(options.room, MSEL_MAX_INJECTS, 9999 - options.firstNumber + 1));
  const drafts = fitting.slice(0, room).map(({ event, minutes }, index): ReplayDraft => ({
    ...event.draft,
    number: options.firstNumber + index,
    trigger: { type: 'at', minutes },
  }));
  return { startedAt: start, closedAt: end, total: events.length, drafts, omitted: events.length - drafts.length, textsWithheld, counts };
}
