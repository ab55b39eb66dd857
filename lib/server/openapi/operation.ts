import "server-only";
import { z } from "zod";
import { jsonSchema, ref, type JsonSchema } from "./json-schema";

// Every operation of the document has the same parts in the same order; operation() writes them,
// so a paths-*.ts file states only what is its own: its id, tag, words, parameters and answers.

/** The document's tags, in the API page's order, with what each groups (meta needs no words). */
export const TAGS = {
  points: "Pricing and schedules",
  miners: "Miner IDs and wallets",
  leaderboards: "Rankings of wallets and GPU models",
  staking: "Stakes, locks and bribes from the chain indexer",
  epochs: "Weekly epochs: points turned into esHEU",
  ingestion: "Signed job reports from the job router",
  auth: "Sign-In with Ethereum for wallet owners",
  alerts: "Watches, alerts, their webhooks and Atom feeds",
  admin: "Slashes, reversals, the audit log and flags for review (admins only)",
  meta: undefined,
  compat: "Heurist's own stats API, at its path and in its field names, for tools written against it",
} as const;

/** A zod schema the route parses or answers with, a component's name, or JSON Schema written out. */
type Schema = z.ZodType | string | JsonSchema;

interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

function toJsonSchema(schema: Schema, io: "input" | "output"): JsonSchema {
  if (typeof schema === "string") return ref(schema);
  return schema instanceof z.ZodType ? jsonSchema(schema, io) : schema;
}

const body = (mediaType: string, schema: JsonSchema) => ({ [mediaType]: { schema } });

/** A JSON answer; a zod schema is documented as the server answers it. */
export const json = (description: string, schema: Schema): Response => ({ description, content: body("application/json", toJsonSchema(schema, "output")) });

/** A text answer of another media type (CSV, Atom, Prometheus). */
export const text = (description: string, mediaType: string): Response => ({ description, content: body(mediaType, { type: "string" }) });

/** A CSV file the browser saves rather than shows. */
export const download = (description: string): Response => ({
  description,
  headers: { "content-disposition": { description: "attachment; filename=…csv", schema: { type: "string" } } },
  content: body("text/csv", { type: "string" }),
});

export interface OperationSpec {
  id: string;
  tag: keyof typeof TAGS;
  summary: string;
  description?: string;
  /** The scheme of components.securitySchemes the call must satisfy. */
  security?: "routerSignature" | "metricsToken";
  parameters?: readonly unknown[];
  /** The required JSON body: a zod schema as the route parses it, or a component's name. */
  body?: z.ZodType | string;
  /** By status; a string is an error's description, its body the Error component. */
  responses: Record<number, Response | string>;
}

export function operation(spec: OperationSpec) {
  const { description, security, parameters } = spec;
  const responses = Object.entries(spec.responses).map(([status, r]) => [status, typeof r === "string" ? json(r, "Error") : r] as const);
  return {
    operationId: spec.id,
    tags: [spec.tag],
    summary: spec.summary,
    ...(description === undefined ? {} : { description }),
    ...(security === undefined ? {} : { security: [{ [security]: [] }] }),
    ...(parameters === undefined ? {} : { parameters }),
    ...(spec.body === undefined ? {} : { requestBody: { required: true, content: body("application/json", toJsonSchema(spec.body, "input")) } }),
    responses: Object.fromEntries(responses),
  };
}
