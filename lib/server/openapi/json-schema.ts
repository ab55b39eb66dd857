import "server-only";
import { z } from "zod";

// JSON Schema straight from the zod schemas the routes parse and answer with (zod 4's native
// z.toJSONSchema), so the document cannot drift from the code. OpenAPI 3.1 speaks draft 2020-12.

export type JsonSchema = { [key: string]: unknown };

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Drops noise zod adds for exactness but readers do not need: date regexes, ±2^53 int bounds. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema") continue;
    if (key === "pattern" && "format" in node && (node.format === "date-time" || node.format === "date")) continue;
    if ((key === "minimum" && value === -MAX_SAFE) || (key === "maximum" && value === MAX_SAFE)) continue;
    out[key] = tidy(value);
  }
  return out;
}

/**
 * `io: "input"` documents what a client may send (defaults make a field optional; coercions show
 * the target type); `"output"` documents what the server answers.
 */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return tidy(z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" })) as JsonSchema;
}

/** One OpenAPI query parameter per property of a query-string schema. */
export function queryParameters(schema: z.ZodType, enums: Record<string, readonly string[]> = {}) {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: "query" as const,
      required: object.required?.includes(name) ?? false,
      ...(description === undefined ? {} : { description }),
      schema: enums[name] ? { ...rest, enum: [...enums[name]] } : rest,
    };
  });
}

/** The single property of a path-parameter object schema, as an OpenAPI path parameter. */
export function pathParameters(schema: z.ZodType) {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema> };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "path" as const, required: true, ...(description === undefined ? {} : { description }), schema: rest };
  });
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
