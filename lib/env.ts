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
  /** Chains a Sign-In with Ethereum message may name (comma-separated ids; 31337 is the local anvil chain). */
  AUTH_CHAIN_IDS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "AUTH_CHAIN_IDS must be comma-separated chain ids, e.g. 1,31337")
    .default("31337")
    .transform((s) => s.split(",").map(Number)),
  /** The host a SIWE message must name; by default the Host the request came to. */
  AUTH_DOMAIN: z.string().min(1).optional(),
  AUTH_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
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
