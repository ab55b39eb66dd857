import { expect, test } from "vitest";
import { formatAgo } from "./time";

const now = new Date("2024-09-10T12:00:00Z");
test.each([
  ["2024-09-10T12:00:30Z", "just now"],
  ["2024-09-10T11:59:00Z", "1 min ago"],
  ["2024-09-10T11:00:00Z", "1 h ago"],
  ["2024-09-08T13:00:00Z", "47 h ago"],
  ["2024-09-01T12:00:00Z", "9 days ago"],
])("%s → %s", (iso, text) => {
  expect(formatAgo(iso, now)).toBe(text);
});
