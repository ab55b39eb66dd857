// Control characters in job text (issue 9): a TAB in `hardware` once answered the whole signed batch
// with a 500 (a router retrying on 5xx resends it forever), and "X\tSDXL\t<hour>" wrote a
// hardware_hourly row at an hour the sender chose, because rollup keys were joined with TAB and
// split again. Now every text field refuses C0/C1 control characters with a 422 naming the field,
// nothing is written, and rollup keys are never parsed back out of strings.
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { verifyAll } from "@/lib/server/verify/verify";
import { count, db, foldNow, imageJob, llmJob, signedRequest, tableCounts } from "../support/fixtures";

async function refusedFor(job: Record<string, unknown>) {
  const before = await tableCounts();
  const res = await POST(signedRequest({ jobs: [imageJob(), job] }));
  const body = await res.json();
  expect(await tableCounts()).toEqual(before);
  return { status: res.status, body };
}

// Each text field of a job, with a control character in the middle of an otherwise valid value.
const FIELDS: [field: string, withChar: (c: string) => string][] = [
  ["hardware", (c) => `RTX${c}4090`],
  ["input_ref", (c) => `ipfs://a${c}b`],
  ["output_ref", (c) => `s3://bucket/${c}key`],
  ["job_id", (c) => `job${c}1`],
  ["miner_id", (c) => `0x${"ab".repeat(20)}-rig${c}2`],
  ["model_id", (c) => `SDXL${c}`],
];
// TAB, NUL and NEL (U+0085, a C1 control) in every field; then the ends of both ranges.
const CHARS: [name: string, c: string][] = [
  ["TAB", "\t"],
  ["NUL", "\u0000"],
  ["NEL (U+0085)", "\u0085"],
];
// Free text has no pattern of its own: the control-character rule is what refuses it.
const FREE_TEXT = new Set(["hardware", "input_ref", "output_ref"]);

describe("control characters are refused in every text field of a job", () => {
  test.each(FIELDS.flatMap(([field, withChar]) => CHARS.map(([name, c]) => [field, name, withChar(c)] as const)))(
    "%s with %s → 422 naming the field, nothing written",
    async (field, _name, value) => {
      const { status, body } = await refusedFor(imageJob({ [field]: value }));
      expect(status).toBe(422);
      const reason = FREE_TEXT.has(field) ? expect.stringMatching(/must not contain control characters/) : expect.any(String);
      expect(body.error.details).toContainEqual({ index: 1, job_id: field === "job_id" ? value : expect.any(String), field, reason });
    },
  );

  test.each([
    ["hardware", "RTX 4090\r"],
    ["hardware", "\u0085NVIDIA"],
    ["hardware", "NVIDIA\u007f"],
    ["hardware", "\u001fNVIDIA"],
    ["output_ref", "ipfs://a\nb"],
    ["input_ref", "s3://bucket/\u009fkey"],
    ["input_ref", "s3://bucket/\u0080key"],
  ])("%s = %j (C0 and C1 ends, DEL, leading and trailing, which trimming would hide) → 422", async (field, value) => {
    const { status, body } = await refusedFor(imageJob({ [field]: value }));
    expect(status).toBe(422);
    expect(body.error.details).toContainEqual(expect.objectContaining({ index: 1, field, reason: expect.stringMatching(/control characters/) }));
  });

  test("an LLM job is held to the same rule", async () => {
    const { status, body } = await refusedFor(llmJob({ hardware: "A100\t80GB" }));
    expect(status).toBe(422);
    expect(body.error.details).toContainEqual(expect.objectContaining({ index: 1, field: "hardware" }));
  });

  test("a planted rollup key writes nothing: no hardware_hourly row at the hour the sender chose", async () => {
    const planted = "X\tSDXL\t2024-09-10T00:00:00.000Z";
    const { status } = await refusedFor(imageJob({ hardware: planted }));
    expect(status).toBe(422);
    expect(await count("hardware_hourly", "hour = '2024-09-10T00:00:00Z'")).toBe(0);
    expect(await count("hardware_hourly", "hardware = 'X' OR hardware LIKE '%' || chr(9) || '%'")).toBe(0);
  });

  test("printable text with the characters keys used to be built from (a space, '-', ':') is stored as sent and verify stays clean", async () => {
    const hardware = "NVIDIA GeForce RTX 4090 - OC:2";
    const res = await POST(signedRequest({ jobs: [imageJob({ hardware })] }));
    expect(res.status).toBe(200);
    await foldNow(); // what the worker's folder does within a second (decision 0024)
    const { rows } = await db().query<{ hardware: string }>("SELECT hardware FROM hardware_hourly WHERE hardware = $1", [hardware]);
    expect(rows).toHaveLength(1);
    const checks = await verifyAll(db());
    expect(checks.filter((c) => c.mismatches > 0)).toEqual([]);
  });
});
