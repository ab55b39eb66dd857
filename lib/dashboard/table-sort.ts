// Sortable column headers as links: the state lives in the URL (?sort=&order=), so the table
// sorts on the server and works without JavaScript.

export type SortOrder = "asc" | "desc";

/** Clicking the active column flips it; a new column starts in its natural direction. */
export function nextOrder(column: string, current: { sort: string; order: SortOrder }, firstOrder: SortOrder): SortOrder {
  if (column !== current.sort) return firstOrder;
  return current.order === "asc" ? "desc" : "asc";
}

export function ariaSort(column: string, current: { sort: string; order: SortOrder }): "ascending" | "descending" | "none" {
  if (column !== current.sort) return "none";
  return current.order === "asc" ? "ascending" : "descending";
}
