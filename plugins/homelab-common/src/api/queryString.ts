/** Query parameters: a list repeats its name, as the spec's form style wants. */
export type Query = Record<
  string,
  string | number | readonly string[] | undefined
>;

/** "?a=1&b=x&b=y", leaving out undefined and "" (no filter); "" when nothing is set. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== '') params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
