import { findPosition } from '../../../domain/hics';
import type { Assignee } from '../../../domain/board/tasks';

/** A position's name in the UI language (HICS names ship in both languages with the domain). */
export function positionName(positionId: string, language: string): string {
  const position = findPosition(positionId);
  if (!position) return positionId;
  return language === 'en' ? position.name.en : position.name['zh-CN'];
}

export function assigneeText(assignee: Assignee, language: string): string {
  return assignee.kind === 'position' ? positionName(assignee.positionId, language) : assignee.name;
}

/** Assignees as one select value: `p:<positionId>` or `n:<name>`. */
export function assigneeValue(assignee: Assignee): string {
  return assignee.kind === 'position' ? `p:${assignee.positionId}` : `n:${assignee.name}`;
}

export function parseAssignee(value: string): Assignee | null {
  if (value.startsWith('p:') && findPosition(value.slice(2))) return { kind: 'position', positionId: value.slice(2) };
  if (value.startsWith('n:') && value.slice(2).trim()) return { kind: 'person', name: value.slice(2).trim() };
  return null;
}
