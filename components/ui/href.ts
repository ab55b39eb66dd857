export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/**
 * `path?…` with `params` merged over `base` (the current search params); null/undefined/"" values
 * are dropped so default values keep URLs short.
 */
export function hrefWith(path: string, base: SearchParamsRecord, params: Record<string, string | number | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(base)) {
    if (key in params) continue;
    if (Array.isArray(value)) value.forEach((v) => sp.append(key, v));
    else if (value !== undefined && value !== "") sp.set(key, value);
  }
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") sp.set(key, String(value));
  }
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}
