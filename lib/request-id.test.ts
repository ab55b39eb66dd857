import { describe, expect, test } from "vitest";
import { requestIdFrom } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  test.each(["abc", "router-7f3a.1_2", "a".repeat(64)])("keeps the safe token %s", (id) => {
    expect(requestIdFrom(id)).toBe(id);
  });

  test.each([
    ["missing", null],
    ["empty", ""],
    ["65 characters", "a".repeat(65)],
    ["10 kB", "x".repeat(10_000)],
    ["a newline (a forged log line)", 'ok\n{"level":"info","msg":"forged"}'],
    ["a control character", "id\u0000"],
    ["a space", "two words"],
    ["non-ASCII", "idé"],
    ["repeated headers", ["a", "b"]],
  ])("replaces %s with a fresh UUID", (_case, header) => {
    const id = requestIdFrom(header);
    expect(id).toMatch(UUID);
    expect(requestIdFrom(header)).not.toBe(id);
  });
});
