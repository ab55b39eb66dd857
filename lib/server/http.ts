import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { PointsError } from "@/lib/points";

export function json(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, init);
}

export function errorResponse(err: AppError): Response {
  return Response.json(err.toJSON(), { status: err.status });
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
      console.error("[api] unhandled error", err);
      return Response.json({ error: { code: "internal", message: "Internal error; nothing was written. Try again." } }, { status: 500 });
    }
  };
}
