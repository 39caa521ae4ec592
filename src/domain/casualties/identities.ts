import { can, type Actor } from '../roles';

/**
 * Who a patient or a family member is: the fields only `patient.identify` may see, by record kind. Everything else
 * of those records (tag, triage, description, enquiry number and status) every desk of the space receives.
 */
const identityFields = {
  casualty: [['name'], ['mrn']],
  enquiry: [['enquirer', 'name'], ['enquirer', 'contact'], ['sought', 'name'], ['notes']],
} as const satisfies Record<string, readonly (readonly string[])[]>;

/** The identity fields as JSON paths by kind (`$.enquirer.name`), for a store that removes them in place. */
export const identityJsonPaths: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(identityFields).map(([kind, paths]) => [kind, paths.map((path) => `$.${path.join('.')}`)]),
);

export function mayIdentify(actor: Actor): boolean {
  return can(actor, 'patient.identify');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function without(data: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined || !(head in data)) return data;
  if (rest.length === 0) {
    const { [head]: _dropped, ...kept } = data;
    return kept;
  }
  const inner = data[head];
  return isRecord(inner) ? { ...data, [head]: without(inner, rest) } : data;
}

/**
 * A record as a user may see it: the same object when they may identify patients or the kind holds no identity,
 * otherwise a copy without the identity fields. The server applies it to every row a pull sends, so a desk of
 * someone without the right never holds a name; the workstation applies it again to what its screens read, for a
 * desk shared with a user who has the right.
 */
export function withoutIdentities<T>(kind: string, data: T, actor: Actor): T {
  if (mayIdentify(actor) || !isRecord(data) || !(kind in identityFields)) return data;
  let result: Record<string, unknown> = data;
  for (const path of identityFields[kind as keyof typeof identityFields]) result = without(result, path);
  return result as T;
}
