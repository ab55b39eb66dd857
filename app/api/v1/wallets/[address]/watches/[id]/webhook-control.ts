import "server-only";
import { AppError } from "@/lib/errors";
import { watchIdOf, watchesOwner } from "@/lib/server/watches/owner";
import { ownedWatch } from "@/lib/server/watches/store";

/**
 * The request plumbing of a webhook control (enable, test): the signed-in owner, their watch (404
 * unless theirs), then `control`; 409 when the watch has no webhook to `verb`.
 */
export async function controlWebhook(req: Request, params: Promise<{ address: string; id: string }>, verb: string, control: (watchId: string) => Promise<boolean>): Promise<void> {
  const owner = await watchesOwner(req, params, `${verb} its webhooks`);
  const watch = await ownedWatch(owner, await watchIdOf(params));
  if (!(await control(watch.id))) throw new AppError("conflict", `Watch ${watch.id} has no webhook to ${verb}.`);
}
