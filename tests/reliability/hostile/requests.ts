// A generated request, kept as plain data so fast-check can print, shrink and replay it; and the
// check every answer to one must pass: a 4xx with the API's JSON error, never a 5xx.
import { expect } from "vitest";
import { ERROR_STATUS } from "@/lib/errors";

export interface HostileRequest {
  /** Which route answered (the histogram's row), e.g. "POST /api/v1/jobs". */
  api: string;
  /** What kind of hostility, e.g. "auth/stale-timestamp" (for reading failures). */
  kind: string;
  method: "GET" | "POST" | "PUT";
  /** Path and query, e.g. "/api/v1/estimate?model=x". */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Path parameters, as Next.js hands them to the handler (already decoded). */
  params?: Record<string, string>;
}

/** Any route handler; the context ({ params }) is built per request, so its type is left open. */
export type Handler = (req: Request, ctx: never) => Promise<Response>;

export function toRequest(r: HostileRequest, origin = "http://localhost"): Request {
  return new Request(`${origin}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
}

/** Status codes per API, printed at the end for docs/RELIABILITY.md. */
export class StatusTally {
  readonly byApi = new Map<string, Map<number, number>>();
  total = 0;

  add(api: string, status: number): void {
    const row = this.byApi.get(api) ?? new Map<number, number>();
    row.set(status, (row.get(status) ?? 0) + 1);
    this.byApi.set(api, row);
    this.total++;
  }

  /** A markdown table: one row per API, one column per status code, and the totals. */
  table(): string {
    const codes = [...new Set([...this.byApi.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
    const lines = [`| API | requests | ${codes.join(" | ")} |`, `|---|---:|${codes.map(() => "---:").join("|")}|`];
    const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    for (const [api, m] of [...this.byApi].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`| ${api} | ${sum(m).toLocaleString("en-US")} | ${codes.map((c) => (m.get(c) ?? 0).toLocaleString("en-US")).join(" | ")} |`);
    }
    const all = codes.map((c) => [...this.byApi.values()].reduce((n, m) => n + (m.get(c) ?? 0), 0));
    lines.push(`| **all** | **${this.total.toLocaleString("en-US")}** | ${all.map((n) => `**${n.toLocaleString("en-US")}**`).join(" | ")} |`);
    return lines.join("\n");
  }
}

const CODES = new Map<string, number>(Object.entries(ERROR_STATUS));

/** The refusal contract: 4xx, JSON, `{error: {code, message}}` with the code that maps to the status. */
export async function expectRefusal(r: HostileRequest, res: Response): Promise<void> {
  const text = await res.text();
  const where = `${r.kind}: ${r.method} ${r.path.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  expect(res.headers.get("content-type"), where).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, where).toBe("string");
  expect(typeof body.error?.message, where).toBe("string");
  expect((body.error!.message as string).length, where).toBeGreaterThan(0);
  expect(CODES.get(body.error!.code as string), where).toBe(res.status);
}
