// Building blocks for read-API query strings: every value arrives as a string, so numbers are
// coerced here once, with messages that name the parameter (they end up in the 400's details).
import { z } from "zod";

export function intParam(name: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be an integer` })
    .int(`${name} must be an integer`)
    .min(min, `${name} must be ≥ ${min}`)
    .max(max, `${name} must be ≤ ${max}`);
}

export function numberParam(name: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be a number` })
    .min(min, `${name} must be ≥ ${min}`)
    .max(max, `${name} must be ≤ ${max}`);
}

/** 200 rows keep a page of the 2,500-GPU wallet under a few milliseconds and a few dozen KB. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const pageQuery = {
  page: intParam("page", 1, 1_000_000).default(1).describe("1-based page number"),
  pageSize: intParam("pageSize", 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`rows per page (1–${MAX_PAGE_SIZE})`),
};

export const daysQuery = {
  days: intParam("days", 1, 365).default(30).describe("length of the dailyPoints series in UTC days, today included (1–365)"),
};

export function paginatedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe("rows across all pages"),
  });
}

export const isoDateTime = z.iso.datetime().describe("ISO 8601 UTC instant");
