// Control characters in job text (issue 9): a TAB in `hardware` once answered the whole signed batch
// with a 500 (a router retrying on 5xx resends it forever), and "X\tSDXL\t<hour>" wrote a
// hardware_hourly row at an hour the sender chose, because rollup keys were joined with TAB and
// split again. Now every text field refuses C0/C1 control characters with a 422 naming the field,
// nothing is written, and rollup keys are never parsed back out of strings.
import { describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { verifyAll } from "@/lib/server/verify/verify";
import { count, db, imageJob, llmJob, signedRequest, tableCounts } from "../support/fixtures";

async function refusedFor(job: Record<string, unknown>) {
  const before = await tableCounts();
  const res = await POST(signedRequest({ jobs: [imageJob(), job] }));
  const body = await res.json();
  expect(await tableCounts()).toEqual(before);
  return { status: res.status, body };
}

describe("control characters are refused in every text field of a job", () => {
  test.each([
    ["hardware", "RTX\t4090"],
    ["hardware", "RTX 4090\r"],
    ["hardware", "\u0085NVIDIA"],
    ["hardware", "NVIDIA\u007f"],
    ["input_ref", "ipfs://a\u0000b"],
    ["output_ref", "ipfs://a\nb"],
    ["input_ref", "s3://bucket/\u009bkey"],
  ])("%s = %j → 422 naming the field, nothing written", async (field, value) => {
    const { status, body } = await refusedFor(imageJob({ [field]: value }));
    expect(status).toBe(422);
    expect(body.error.details).toContainEqual(expect.objectContaining({ index: 1, field, reason: expect.stringMatching(/control characters/) }));
  });

  test.each([
    ["job_id", "job\t1"],
    ["miner_id", `0x${"ab".repeat(20)}-rig\t2`],
    ["model_id", "SDXL\t"],
  ])("%s with a control character is refused by its own pattern", async (field, value) => {
    const { status, body } = await refusedFor(llmJob({ [field]: value }));
    expect(status).toBe(422);
    expect(body.error.details).toContainEqual(expect.objectContaining({ index: 1, field }));
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
    const { rows } = await db().query<{ hardware: string }>("SELECT hardware FROM hardware_hourly WHERE hardware = $1", [hardware]);
    expect(rows).toHaveLength(1);
    const checks = await verifyAll(db());
    expect(checks.filter((c) => c.mismatches > 0)).toEqual([]);
  });
});
