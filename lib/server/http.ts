import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiRouteTemplate } from "@/lib/http/api-routes";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { PointsError } from "@/lib/points";
import { requestIdFrom } from "@/lib/request-id";
import { QUERY_CANCELED, isPoolTimeout } from "./db";

export function json(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, init);
}

/** `application/json`, with optional parameters (`; charset=utf-8`) and nothing else: not `application/jsonfoo`. */
export function isJsonContentType(type: string | null): boolean {
  return /^application\/json[ \t]*(;.*)?$/i.test(type?.trim() ?? "");
}

/**
 * A write's JSON body. JSON only: a cross-site HTML form cannot send application/json without a
 * CORS preflight, which this API never grants (the session cookie is SameSite=Lax as well).
 */
export async function jsonBodyOf(req: Request): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type"))) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  try {
    return await req.json();
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}

/** Zod issues as `{ field, reason }`, the shape every 4xx of this API uses in `details`. */
export function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({ field: issue.path.join(".") || "(root)", reason: issue.message }));
}

export function parseSearchParams<S extends z.ZodType>(schema: S, url: string): z.infer<S> {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError("bad_request", "Invalid query parameters", describeIssues(parsed.error));
  return parsed.data;
}

/** What a thrown error becomes: AppError and points-library errors their 4xx, a busy database a 503, anything else a 500. */
function failureOf(err: unknown): { error: AppError | null; status: number; body: { code: string; message: string; details?: unknown }; retryAfter?: string } {
  const known =
    err instanceof AppError
      ? err
      : err instanceof PointsError
        ? new AppError("bad_request", err.message)
        : isPoolTimeout(err) || (err as { code?: string } | null)?.code === QUERY_CANCELED
          ? new AppError("unavailable", "The database is busy; nothing was written. Try again in a few seconds.")
          : null;
  if (known) return { error: known, status: known.status, body: known.toJSON().error, retryAfter: known.code === "unavailable" && !(err instanceof AppError) ? "5" : undefined };
  return { error: null, status: 500, body: { code: "internal", message: "Internal error; nothing was written. Try again." } };
}

/** Sets a header, copying the response first when its headers are immutable (a fetched or redirect response). */
function withHeader(res: Response, name: string, value: string): Response {
  try {
    res.headers.set(name, value);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Wraps every API route handler: gives the request an id (the caller's x-request-id when it is a
 * short safe token, else a new one), echoes it in the response and in JSON error bodies, turns
 * errors into JSON (see failureOf), logs one line per request and every 5xx with its error, and
 * counts the request in heurist_http_requests_total / _duration_seconds.
 */
export function route<A extends unknown[]>(handler: (req: Request, ...args: A) => Promise<Response>) {
  return async (req: Request, ...args: A): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get("x-request-id"));
    let res: Response;
    let failure: ReturnType<typeof failureOf> | null = null;
    try {
      res = await handler(req, ...args);
    } catch (err) {
      failure = failureOf(err);
      res = Response.json({ error: { ...failure.body, requestId } }, { status: failure.status });
      if (failure.retryAfter) res.headers.set("retry-after", failure.retryAfter);
      if (!failure.error) log().error({ requestId, err }, "unhandled error");
    }
    res = withHeader(res, "x-request-id", requestId);
    const seconds = (performance.now() - started) / 1000;
    const pathname = new URL(req.url).pathname;
    const template = apiRouteTemplate(pathname) ?? "other";
    const status = res.status;
    // The path, never the query: query strings can carry things that do not belong in logs.
    log()[status >= 500 ? "error" : status >= 400 ? "warn" : "info"](
      {
        requestId,
        method: req.method,
        route: template,
        path: pathname.slice(0, 200),
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(failure ? { error: failure.body.code } : {}),
      },
      "api request",
    );
    const m = metrics();
    m.httpRequests.inc({ route: template, method: req.method, status: String(status) });
    m.httpDuration.observe({ route: template, method: req.method }, seconds);
    return res;
  };
}
