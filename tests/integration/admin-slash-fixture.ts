// What the admin slash tests share: three wallets whose miner IDs have jobs inside and outside one
// four-hour window (and one this week, in the open epoch), and the slash and reversal routes called
// with an admin's session cookie, each followed by the fold the worker would do.
import { POST as slashRoute } from "@/app/api/v1/admin/slashes/route";
import { POST as reverseRoute } from "@/app/api/v1/admin/slashes/[id]/reverse/route";
import { imageJob, llmJob, randomWallet } from "../support/fixtures";
import { folded, ingestJobs } from "./admin-ledger-views";
import { adminRequest } from "./admin-session";

export const [w1, w2, w3] = [randomWallet(), randomWallet(), randomWallet()];
export const [a, b] = [`${w1}-a`, `${w1}-b`];
export const [c, d] = [`${w2}-c`, `${w2}-d`];
export const e = `${w3}-e`;
export const FROM = "2026-03-02T10:00:00.000Z";
export const TO = "2026-03-02T14:00:00.000Z";
export const at = (hhmm: string) => `2026-03-02T${hhmm}:00Z`;
export const REASON = "Duplicate outputs across GPUs, see ticket 42";

/** In [FROM, TO): a 3 image jobs and an LLM job, b 4, c 2, d 2, e 1; a, b and c also have jobs outside it. */
export async function ingestWindowJobs(): Promise<void> {
  await ingestJobs([
    ...["09:00", "10:15", "11:15", "12:15", "15:00"].map((t) => imageJob({ miner_id: a, completed_at: at(t) })),
    llmJob({ miner_id: a, completed_at: at("12:30") }),
    ...["10:05", "10:45", "11:30", "13:59"].map((t) => imageJob({ miner_id: b, completed_at: at(t) })),
    ...["10:10", "11:10"].map((t) => imageJob({ miner_id: c, completed_at: at(t) })),
    imageJob({ miner_id: c, completed_at: at("16:00") }),
    ...["10:20", "11:20"].map((t) => imageJob({ miner_id: d, completed_at: at(t) })),
    imageJob({ miner_id: e, completed_at: at("10:30") }),
    // This week's work of a: the open epoch, which a slash made now lands in.
    imageJob({ miner_id: a, completed_at: new Date(Date.now() - 120_000).toISOString() }),
  ]);
}

export const slashAs = (cookie: string, body: unknown) => folded(slashRoute(adminRequest("/api/v1/admin/slashes", { cookie, body })));
export const reverseAs = (cookie: string, id: number | string, body: unknown) =>
  folded(reverseRoute(adminRequest(`/api/v1/admin/slashes/${id}/reverse`, { cookie, body }), { params: Promise.resolve({ id: String(id) }) }));
