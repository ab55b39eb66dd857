// Reading a schema of variables with one readable error naming each bad one.
import type { z } from "zod";

/** Variables as process.env holds them (tests pass their own). */
export type EnvVars = Record<string, string | undefined>;

/** The schema's verdict on env, or an error listing each bad variable and what is wrong with it. */
export function parseOrThrow<S extends z.ZodType>(schema: S, env: EnvVars, what: string): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || what}: ${i.message}`).join("\n");
  throw new Error(`Invalid ${what} environment:\n${lines}`);
}
