import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeIssues } from "../http";

/** Path parameters get the same 400 shape as query strings: { field, reason } per problem. */
export function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError("bad_request", "Invalid path parameter", describeIssues(parsed.error));
  return parsed.data;
}
