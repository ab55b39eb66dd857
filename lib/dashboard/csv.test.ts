import { describe, expect, test } from "vitest";
import { csvField, csvLine, csvNumber, csvResponse, pullStream, scaledCell, scaledToDecimal } from "./csv";

describe("scaledToDecimal", () => {
  test.each([
    [0, "0"],
    [1, "0.000001"],
    [1_000_000, "1"],
    [6_600_000, "6.6"],
    ["1234567890123456789", "1234567890123.456789"],
    [-1_500_000n, "-1.5"],
    [-1, "-0.000001"],
  ])("%s → %s", (input, expected) => {
    expect(scaledToDecimal(input)).toBe(expected);
  });
});

describe("csvField", () => {
  test.each([
    [null, ""],
    [undefined, ""],
    [12, "12"],
    ["SDXL", "SDXL"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["=HYPERLINK(1)", `"'=HYPERLINK(1)"`],
    ["@cmd", `"'@cmd"`],
    // Text that starts like a number is still text: the hole an outside test found (issue 9).
    ["-1-A1-2", `"'-1-A1-2"`],
    ["-1.5", `"'-1.5"`],
    ["+1", `"'+1"`],
    ["\tcmd", `"'\tcmd"`],
    ["\rcmd", `"'\rcmd"`],
    ['=1+"x"', `"'=1+""x"""`],
    ["a-b", "a-b"],
    // Numeric cells are numbers, negative ones included.
    [-3, "-3"],
    [-12n, "-12"],
    [csvNumber("-0.000001"), "-0.000001"],
    [scaledCell(-6_600_000), "-6.6"],
  ])("case %# → %s", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test("a numeric cell must be a decimal number", () => {
    expect(() => csvNumber("-1-A1")).toThrow(/not a decimal number/);
    expect(() => csvNumber("=1")).toThrow();
  });

  test("csvLine joins with commas and ends with CRLF", () => {
    expect(csvLine(["2024-09-02", 6, null, "a,b"])).toBe('2024-09-02,6,,"a,b"\r\n');
  });
});

describe("pullStream and csvResponse", () => {
  test("reads chunks on demand until null, as an attachment", async () => {
    const chunks = ["a,b\r\n", "1,2\r\n", null];
    let calls = 0;
    const stream = pullStream(async () => chunks[calls++] ?? null);
    const res = csvResponse(stream, "ledger 0xabc:2024.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ledger_0xabc_2024.csv"');
    expect(await res.text()).toBe("a,b\r\n1,2\r\n");
    expect(calls).toBe(3);
  });
});
