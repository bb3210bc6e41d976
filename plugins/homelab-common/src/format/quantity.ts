/** Binary and decimal suffixes of Kubernetes resource quantities. */
const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * A Kubernetes resource quantity ("100m", "64Mi", "32495228Ki", "1.5",
 * "1e3") as a number of its base unit (cores, bytes, pods); undefined when
 * it is not one, so an unreadable figure stays unknown.
 *
 * @public
 */
export function parseQuantity(text: string | undefined): number | undefined {
  const match =
    /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|([a-zA-Z]*))$/.exec(
      text?.trim() ?? '',
    );
  if (!match) return undefined;
  const [, number, exponent, suffix] = match;
  const multiplier =
    exponent !== undefined ? 10 ** Number(exponent) : SUFFIXES[suffix ?? ''];
  return multiplier === undefined ? undefined : Number(number) * multiplier;
}
