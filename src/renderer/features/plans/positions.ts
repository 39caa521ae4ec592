import { findPosition } from '../../../domain/hics';

/** A HICS position's name in the UI language (the names ship in both languages with the domain). */
export function positionLabel(positionId: string, language: string): string {
  const position = findPosition(positionId);
  if (!position) return positionId;
  return language === 'en' ? position.name.en : position.name['zh-CN'];
}
