import type { PlanText } from '../../../domain/plans';

/** A plan's text in the UI language; plans carry both, so nothing falls back to the other language. */
export function planText(text: PlanText, language: string): string {
  return language === 'en' ? text.en : text['zh-CN'];
}
