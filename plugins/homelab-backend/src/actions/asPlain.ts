/**
 * A type as plain data: interfaces become object literal types, which carry
 * the implicit index signature the actions registry's output schemas
 * (`z.object(...).passthrough()`) infer. Only the type changes.
 */
type Plain<T> = T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

/** The API's answer typed as the plain data it is, for an action's output. */
export function asPlain<T>(value: T): Plain<T> {
  return value as Plain<T>;
}
