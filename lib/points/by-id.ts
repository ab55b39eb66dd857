/**
 * Lookups over a fixed list by id: `find` (undefined when unknown) and `getOrThrow` (the list's own
 * error, told every known id in list order). Ids are compared exactly, case included.
 */
export function lookupById<T extends { id: string }>(items: readonly T[], unknown: (id: string, knownIds: readonly string[]) => Error) {
  const byId: ReadonlyMap<string, T> = new Map(items.map((item) => [item.id, item]));
  return {
    find: (id: string): T | undefined => byId.get(id),
    getOrThrow(id: string): T {
      const item = byId.get(id);
      if (!item) throw unknown(id, [...byId.keys()]);
      return item;
    },
  };
}
