// The one place that reads process.env. Parsed once, failing with a readable message.
import { z } from "zod";

const serverSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set (e.g. postgresql://user@127.0.0.1:5432/heurist); `npm run portal` sets it for the embedded database" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  INGEST_HMAC_SECRET: z.string().min(16, "INGEST_HMAC_SECRET must be at least 16 characters").optional(),
  INGEST_MAX_SKEW_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  LEADERBOARD_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
});

export type ServerEnv = z.infer<typeof serverSchema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid server environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
