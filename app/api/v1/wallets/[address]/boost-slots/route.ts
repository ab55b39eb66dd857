import { AppError } from "@/lib/errors";
import { boostAssignmentBodySchema } from "@/lib/schemas/auth";
import { walletAddressSchema } from "@/lib/schemas/ids";
import { requireWalletOwner } from "@/lib/server/auth/session";
import { getBoostAssignment, setBoostAssignment } from "@/lib/server/boost-slots";
import { describeIssues, jsonBodyOf, route } from "@/lib/server/http";

type Ctx = { params: Promise<{ address: string }> };

async function walletOf(ctx: Ctx): Promise<string> {
  const parsed = walletAddressSchema.safeParse((await ctx.params).address);
  if (!parsed.success) throw new AppError("bad_request", "Invalid wallet address", describeIssues(parsed.error));
  return parsed.data;
}

export const dynamic = "force-dynamic";

export const GET = route(async (_req, ctx: Ctx) => Response.json(await getBoostAssignment(await walletOf(ctx))));

/** The wallet owner (signed in with SIWE) chooses which miner IDs hold its boost slots. */
export const PUT = route(async (req, ctx: Ctx) => {
  const wallet = await walletOf(ctx);
  await requireWalletOwner(req, wallet);
  const body = boostAssignmentBodySchema.safeParse(await jsonBodyOf(req));
  if (!body.success) throw new AppError("validation_failed", 'Send {"minerIds": [...]}.', describeIssues(body.error));
  return Response.json(await setBoostAssignment(wallet, body.data.minerIds));
});
