// The one error shape of the whole API: { error: { code, message, details?, requestId? } }.
import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";

const codes = [...(Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]), "internal"] as const;

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(codes),
    message: z.string().describe("a sentence a person can act on"),
    details: z.unknown().optional().describe("for validation errors: [{ field, reason }] (ingestion adds index and job_id per job)"),
    requestId: z.string().optional().describe("this request's id, also in the x-request-id response header and on its log lines: quote it when reporting a problem"),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
