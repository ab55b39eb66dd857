import { AppError } from "@/lib/errors";
import { sessionOf } from "@/lib/server/auth/session";
import { route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const session = await sessionOf(req);
  if (!session) throw new AppError("unauthorized", "Not signed in.");
  return Response.json({ ...session, expiresAt: session.expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
});
