function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonicalize(v)]));
  }
  return value;
}

/**
 * Canonical JSON (keys sorted at every depth, array order kept): equal for equal content no
 * matter how the object literal was written, different for any change to a number or table.
 * Published data (schedules, plausibility bounds) is pinned by this text in its tests.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}
