import "server-only";
import { AppError } from "@/lib/errors";
import { walletAddressSchema } from "@/lib/schemas/ids";
import { requireWalletOwner } from "../auth/session";
import { describeIssues } from "../http";

/** The wallet of a watches route, signed in as its owner: watches name webhooks, which are the owner's alone to see. */
export async function watchesOwner(req: Request, params: Promise<{ address: string }>, what: string): Promise<string> {
  const parsed = walletAddressSchema.safeParse((await params).address);
  if (!parsed.success) throw new AppError("bad_request", "Invalid wallet address", describeIssues(parsed.error));
  return requireWalletOwner(req, parsed.data, what);
}

/** A watch id from the path: a positive whole number. */
export async function watchIdOf(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!/^[1-9]\d{0,17}$/.test(id)) throw new AppError("bad_request", "A watch id is a positive whole number.");
  return id;
}
