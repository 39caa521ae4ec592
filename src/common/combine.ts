/** The intersection of a union's members: `A | B` becomes `A & B`. */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Builds one registry (API methods, their handlers, mutators) from each feature's part. A name two parts both
 * define throws here, at start-up, naming it: an object spread would let the later part win without a word, and
 * a feature's method would answer with another's handler.
 */
export function combine<P extends readonly object[]>(what: string, ...parts: P): UnionToIntersection<P[number]> {
  const all: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(all, name)) throw new Error(`${what}: ${name} is defined twice`);
      all[name] = value;
    }
  }
  return all as UnionToIntersection<P[number]>;
}
