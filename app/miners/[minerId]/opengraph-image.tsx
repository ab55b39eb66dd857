import { asOfFootnote, pointsStats, shareCard } from "@/components/og/share-card";
import { minerStateText, minerTitle } from "@/lib/dashboard/headline";
import { minerIdSchema } from "@/lib/schemas/ids";
import { minerQuerySchema } from "@/lib/schemas/miners";
import { minerForPage, requestNow } from "@/lib/server/queries/page-reads";
import { SHARE_IMAGE_SIZE } from "@/lib/site";

// The miner's headline numbers as a shared link's image, read as its page reads them.
export const alt = "The GPU's Waifu and Llama Points and whether it was online";
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ minerId: string }> }) {
  const minerId = minerIdSchema.safeParse(decodeURIComponent((await params).minerId));
  const miner = minerId.success ? await minerForPage(minerId.data, minerQuerySchema.parse({}).days) : null;
  if (!miner) return new Response("Not found", { status: 404 });
  return shareCard({ title: minerTitle(miner.minerId), text: minerStateText(miner), stats: pointsStats(miner), footnote: asOfFootnote(requestNow()) });
}
