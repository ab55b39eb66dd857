import "server-only";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { sessionOf } from "../auth/session";

/**
 * The signed-in admin's address: a SIWE session whose address is listed in ADMIN_ADDRESSES.
 * Checked inside every admin action, not only at the edge. No session: 401; another wallet: 403.
 */
export async function requireAdmin(req: Request): Promise<string> {
  const session = await sessionOf(req);
  if (!session) throw new AppError("unauthorized", "Sign in with an admin wallet first (Sign-In with Ethereum).");
  if (!serverEnv().ADMIN_ADDRESSES.includes(session.address)) {
    throw new AppError("forbidden", `Signed in as ${session.address}, which is not an admin (ADMIN_ADDRESSES).`);
  }
  return session.address;
}

/**
 * Admin writes take JSON only: a cross-site HTML form cannot send application/json without a
 * CORS preflight, which this API never grants (the session cookie is SameSite=Lax as well).
 */
export async function jsonBodyOf(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  try {
    return await req.json();
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
