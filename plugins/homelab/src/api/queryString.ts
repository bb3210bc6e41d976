/** Query parameters: a list repeats one; undefined and "" leave it out. */
type Query = Record<string, string | number | string[] | undefined>;

/** "?a=1&b=x&b=y", leaving out what is not set; "" when nothing is. */
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
