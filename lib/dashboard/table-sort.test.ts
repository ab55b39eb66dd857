import { expect, test } from "vitest";
import { ariaSort, nextOrder } from "./table-sort";

test.each([
  ["points", { sort: "points", order: "desc" as const }, "desc" as const, "asc", "descending"],
  ["points", { sort: "points", order: "asc" as const }, "desc" as const, "desc", "ascending"],
  ["minerId", { sort: "points", order: "desc" as const }, "asc" as const, "asc", "none"],
  ["lastSeen", { sort: "points", order: "asc" as const }, "desc" as const, "desc", "none"],
])("%s with %j", (column, current, first, order, aria) => {
  expect(nextOrder(column, current, first)).toBe(order);
  expect(ariaSort(column, current)).toBe(aria);
});
