import type { TFunction } from 'i18next';
import { errorDetailKey } from '../i18n/keys';
import { formatDateTime } from './time';
import { refusalRoles, whoMayText } from './who-may';

export type ErrorDetailView = { timeZone: string; locale: string };

/** Params that hold an instant (epoch ms, the roster's overlapping shift): shown as a time in the hospital's zone. */
const instantParams = new Set(['otherStart', 'otherEnd']);

const placeholders = (template: string): string[] => [...template.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1] ?? '');

/**
 * A refusal's particulars in words (`errorDetails.<code>`: "N95 respirator in ED store: 10 on hand, 15 requested"),
 * or null when the code has no detail string or the params lack a name it uses (a refusal recorded by a server
 * from before params): then the reason shows alone, as it always did.
 *
 * Params are data from the server. They go in through `replace`, so a param named `lng`, `count` or
 * `defaultValue` is only ever text and never an i18next option; i18next does not re-read substituted values
 * (`skipOnVariables`, its default), so `{{x}}` or `$t(key)` inside one stays as typed; and the result is plain
 * text that React renders as text (i18next's own escaping is off because React escapes: see i18n.ts).
 */
export function errorDetail(
  t: TFunction,
  code: string,
  params: Readonly<Record<string, string | number>> | undefined,
  view: ErrorDetailView,
): string | null {
  if (!params) return null;
  // A refusal for want of rights names who may, by position names in the reader's language (not role ids).
  if (code === 'forbidden') return whoMayText(t, refusalRoles(params), view.locale);
  const template = t(errorDetailKey(code), { defaultValue: '', skipInterpolation: true });
  if (!template) return null;
  const values: Record<string, string | number> = {};
  for (const name of placeholders(template)) {
    if (!Object.hasOwn(params, name)) return null;
    const value = params[name];
    if (value === undefined) return null;
    values[name] = instantParams.has(name) && typeof value === 'number' ? formatDateTime(value, view.timeZone, view.locale) : value;
  }
  return t(errorDetailKey(code), { replace: values, defaultValue: '' });
}
