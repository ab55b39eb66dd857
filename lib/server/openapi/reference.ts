import "server-only";
import type { JsonSchema } from "./json-schema";

// The API page's view of the OpenAPI document: operations grouped by tag in the document's tag
// order, each parameter, body and response with a short type. Read from the document itself, so
// the page cannot list a route the document lacks or miss one it has.

/** A type as text pieces; a piece with `ref` names a component schema the page links to. */
export type TypeText = { text: string; ref?: string }[];

export interface ReferenceParameter {
  name: string;
  in: string;
  required: boolean;
  type: TypeText;
  description: string | null;
}

export interface ReferenceResponse {
  status: string;
  description: string;
  /** One entry per media type the response carries (JSON, CSV). */
  content: { mediaType: string; type: TypeText }[];
}

export interface ReferenceOperation {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  parameters: ReferenceParameter[];
  body: { required: boolean; content: { mediaType: string; type: TypeText }[] } | null;
  security: string[];
  responses: ReferenceResponse[];
}

export interface ReferenceSchema {
  name: string;
  anchor: string;
  description: string | null;
  type: TypeText;
  properties: { name: string; required: boolean; type: TypeText; description: string | null }[];
}

export interface ApiReference {
  title: string;
  version: string;
  description: string;
  groups: { tag: string; anchor: string; description: string | null; operations: ReferenceOperation[] }[];
  schemas: ReferenceSchema[];
}

interface OperationObject {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, unknown>[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

/** The parts of an OpenAPI 3.1 document the page reads; operations are read as OperationObject. */
export interface OpenApiInput {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const MAX_ENUM = 6;

export const schemaAnchor = (name: string) => `schema-${name}`;
const tagAnchor = (tag: string) => `tag-${tag}`;
const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

function join(parts: TypeText[], separator: string): TypeText {
  return parts.flatMap((p, i) => (i === 0 ? p : [{ text: separator }, ...p]));
}

function range(s: JsonSchema): string {
  const min = s.minimum ?? s.exclusiveMinimum ?? s.minLength ?? s.minItems;
  const max = s.maximum ?? s.exclusiveMaximum ?? s.maxLength ?? s.maxItems;
  if (min === undefined && max === undefined) return "";
  return ` (${min ?? "…"}–${max ?? "…"})`;
}

/** A short human type: `integer (1–500)`, `"24h" | "7d" | "all"`, `Wallet`, `string[]`. */
export function typeOf(schema: JsonSchema | undefined): TypeText {
  if (!schema) return [{ text: "any" }];
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.split("/").at(-1)!;
    return [{ text: name, ref: name }];
  }
  if (Array.isArray(schema.enum)) {
    const values = (schema.enum as unknown[]).map((v) => JSON.stringify(v));
    const shown = values.length > MAX_ENUM ? [...values.slice(0, MAX_ENUM), `… ${values.length - MAX_ENUM} more`] : values;
    return [{ text: shown.join(" | ") }];
  }
  if ("const" in schema) return [{ text: JSON.stringify(schema.const) }];
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return join(union.map(typeOf), " | ");
  if (Array.isArray(schema.type))
    return join(
      (schema.type as string[]).map((t) => typeOf({ ...schema, type: t })),
      " | ",
    );
  if (schema.type === "array") return [...typeOf(schema.items as JsonSchema | undefined), { text: `[]${range(schema)}` }];
  if (typeof schema.type === "string") {
    const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
    return [{ text: `${schema.type}${format || range(schema)}` }];
  }
  return [{ text: "any" }];
}

function contentOf(content: Record<string, { schema?: JsonSchema }> | undefined) {
  return Object.entries(content ?? {}).map(([mediaType, media]) => ({ mediaType, type: typeOf(media.schema) }));
}

function operationOf(path: string, method: string, op: OperationObject): ReferenceOperation {
  return {
    anchor: op.operationId ?? slug(`${method}-${path}`),
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? "",
    description: op.description ?? null,
    parameters: (op.parameters ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required ?? false,
      type: typeOf(p.schema),
      description: p.description ?? (typeof p.schema?.description === "string" ? p.schema.description : null),
    })),
    body: op.requestBody ? { required: op.requestBody.required ?? false, content: contentOf(op.requestBody.content) } : null,
    security: (op.security ?? []).flatMap((s) => Object.keys(s)),
    responses: Object.entries(op.responses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, r]) => ({ status, description: r.description ?? "", content: contentOf(r.content) })),
  };
}

function schemaOf(name: string, schema: JsonSchema): ReferenceSchema {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return {
    name,
    anchor: schemaAnchor(name),
    description: typeof schema.description === "string" ? schema.description : null,
    type: typeOf(schema),
    properties: Object.entries(properties).map(([prop, s]) => ({
      name: prop,
      required: required.has(prop),
      type: typeOf(s),
      description: typeof s.description === "string" ? s.description : null,
    })),
  };
}

export function apiReference(doc: OpenApiInput): ApiReference {
  const paths = doc.paths as Record<string, Record<string, OperationObject>>;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ tag: item[m]!.tags?.[0] ?? "other", op: operationOf(path, m, item[m]!) })),
  );
  const declared = (doc.tags ?? []).map((t) => t.name);
  const used = [...new Set(operations.map((o) => o.tag))];
  const order = [...declared.filter((t) => used.includes(t)), ...used.filter((t) => !declared.includes(t))];
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description ?? "",
    groups: order.map((tag) => ({
      tag,
      anchor: tagAnchor(tag),
      description: doc.tags?.find((t) => t.name === tag)?.description ?? null,
      operations: operations.filter((o) => o.tag === tag).map((o) => o.op),
    })),
    schemas: Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => schemaOf(name, s)),
  };
}
