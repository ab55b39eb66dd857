import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseSimulateArgs } from "./cli-options";
import { resolveIngestSecret } from "./secret";

describe("parseSimulateArgs", () => {
  test("applies the defaults", () => {
    expect(parseSimulateArgs(["--jobs", "5000"])).toEqual({
      jobs: 5000,
      url: "http://127.0.0.1:3000",
      days: 7,
      seed: 1,
      scale: 0.05,
      concurrency: 4,
      batchSize: 1000,
    });
  });

  test("reads every option", () => {
    const argv = ["--jobs", "10", "--url", "http://localhost:4000", "--days", "1.5", "--seed", "9", "--scale", "1", "--concurrency", "8", "--batch-size", "250"];
    expect(parseSimulateArgs(argv)).toEqual({ jobs: 10, url: "http://localhost:4000", days: 1.5, seed: 9, scale: 1, concurrency: 8, batchSize: 250 });
  });

  test.each([["--help"], ["-h"], ["--jobs", "3", "--help"]])("%s asks for help", (...argv) => {
    expect(parseSimulateArgs(argv)).toBe("help");
  });

  test.each([
    [[], /--jobs <n> is required/],
    [["--jobs", "ten"], /--jobs must be an integer/],
    [["--jobs", "0"], /--jobs must be an integer from 1/],
    [["--jobs", "5", "--scale", "2"], /--scale must be a number in \(0, 1\]/],
    [["--jobs", "5", "--scale", "0"], /--scale/],
    [["--jobs", "5", "--batch-size", "1001"], /--batch-size/],
    [["--jobs", "5", "--url", "127.0.0.1:3000"], /--url must be an http/],
    [["--jobs", "5", "--days", "-1"], /--days/],
    [["--jobs", "5", "--nope"], /Unknown option '--nope'/],
  ])("%j is refused with a readable message", (argv, message) => {
    expect(() => parseSimulateArgs(argv)).toThrow(message);
  });
});

describe("resolveIngestSecret", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sim-secret-"));
  const file = path.join(dir, "ingest-secret");

  test("prefers INGEST_HMAC_SECRET", () => {
    writeFileSync(file, "from-file-secret\n");
    expect(resolveIngestSecret({ INGEST_HMAC_SECRET: "from-env-secret" }, file)).toBe("from-env-secret");
  });

  test("falls back to the file the embedded portal writes, trimmed", () => {
    writeFileSync(file, "from-file-secret\n");
    expect(resolveIngestSecret({}, file)).toBe("from-file-secret");
  });

  test("says how to fix it when there is neither", () => {
    expect(() => resolveIngestSecret({}, path.join(dir, "missing"))).toThrow(/set INGEST_HMAC_SECRET.*npm run portal/);
  });
});
