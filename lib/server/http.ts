import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { PointsError } from "@/lib/points";
import { QUERY_CANCELED, isPoolTimeout } from "./db";

export function json(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, init);
}

export function errorResponse(err: AppError): Response {
  return Response.json(err.toJSON(), { status: err.status });
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

/** Wraps a route handler: AppError and points-library errors become JSON 4xx; anything else a logged 500. */
export function route<A extends unknown[]>(handler: (req: Request, ...args: A) => Promise<Response>) {
  return async (req: Request, ...args: A): Promise<Response> => {
    try {
      return await handler(req, ...args);
    } catch (err) {
      if (err instanceof AppError) return errorResponse(err);
      if (err instanceof PointsError) return errorResponse(new AppError("bad_request", err.message));
      if (isPoolTimeout(err) || (err as { code?: string }).code === QUERY_CANCELED) {
        const res = errorResponse(new AppError("unavailable", "The database is busy; nothing was written. Try again in a few seconds."));
        res.headers.set("retry-after", "5");
        return res;
      }
      console.error("[api] unhandled error", err);
      return Response.json({ error: { code: "internal", message: "Internal error; nothing was written. Try again." } }, { status: 500 });
    }
  };
}
