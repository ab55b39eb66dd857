import "server-only";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import { prisma } from "../db";
import { hashToken } from "./siwe";

export const SESSION_COOKIE = "heurist_session";

/** One cookie's value, or null when it is absent or not valid percent-encoding (a 401, not a 500). */
export function cookieValue(req: Request, name: string): string | null {
  const cookie = req.headers.get("cookie") ?? "";
  const match = cookie.split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  if (!match) return null;
  try {
    return decodeURIComponent(match.slice(name.length + 1)) || null;
  } catch {
    return null;
  }
}

const tokenFrom = (req: Request) => cookieValue(req, SESSION_COOKIE);

export async function sessionOf(req: Request, now = new Date()): Promise<{ address: string; chainId: number; expiresAt: Date } | null> {
  const token = tokenFrom(req);
  if (!token) return null;
  return prisma().session.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now } },
    select: { address: true, chainId: true, expiresAt: true },
  });
}

/** Owner actions check the session inside the action, not only at the edge. */
export async function requireWalletOwner(req: Request, wallet: string, what = "change its boost slots"): Promise<string> {
  const session = await sessionOf(req);
  if (!session) throw new AppError("unauthorized", "Sign in with the wallet first (Sign-In with Ethereum).");
  if (session.address !== wallet.toLowerCase()) {
    throw new AppError("forbidden", `Signed in as ${session.address}; only ${wallet.toLowerCase()} can ${what}.`);
  }
  return session.address;
}

export async function endSession(req: Request): Promise<void> {
  const token = tokenFrom(req);
  if (token) await prisma().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Cookies are Secure when users sign in over https (AUTH_ORIGIN), whatever a proxy in front says about the hop to us. */
export function secureCookies(): boolean {
  return serverEnv().AUTH_ORIGIN.startsWith("https:");
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
