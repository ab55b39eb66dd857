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
