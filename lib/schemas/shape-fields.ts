import type { z } from "zod";
import { findModel } from "@/lib/points/models";

/**
 * Image models are priced by pixels and steps, LLMs by tokens: each needs its own fields and must
 * not carry the other kind's. Shared by the ingestion contract (and its compiled fast path) and the estimate query.
 */
export function checkShapeFields<T extends Record<string, unknown>>(
  value: T,
  modelId: string,
  fields: { image: readonly (keyof T & string)[]; llm: readonly (keyof T & string)[] },
  ctx: Pick<z.RefinementCtx, "addIssue">,
): void {
  const model = findModel(modelId);
  if (!model) return;
  const [needed, forbidden] = model.kind === "image" ? [fields.image, fields.llm] : [fields.llm, fields.image];
  for (const field of needed) {
    if (value[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required for ${model.kind} model ${model.id}` });
  }
  for (const field of forbidden) {
    if (value[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} does not apply to ${model.kind} model ${model.id}` });
  }
}
