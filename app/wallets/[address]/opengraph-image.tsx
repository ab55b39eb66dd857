import { asOfFootnote, pointsStats, shareCard } from "@/components/og/share-card";
import { walletFleetText, walletTitle } from "@/lib/dashboard/headline";
import { walletAddressSchema } from "@/lib/schemas/ids";
import { walletQuerySchema } from "@/lib/schemas/wallets";
import { stakerExists } from "@/lib/server/queries/exists";
import { requestNow, walletForPage } from "@/lib/server/queries/page-reads";
import { SHARE_IMAGE_SIZE, SITE_DESCRIPTION } from "@/lib/site";

// The wallet's headline numbers as a shared link's image, read as its page reads them.
export const alt = "The wallet's Waifu and Llama Points and its GPUs";
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

const notFound = () => new Response("Not found", { status: 404 });

export default async function Image({ params }: { params: Promise<{ address: string }> }) {
  const address = walletAddressSchema.safeParse((await params).address);
  if (!address.success) return notFound();
  const wallet = await walletForPage(address.data, walletQuerySchema.parse({}));
  const title = walletTitle(address.data);
  if (wallet) return shareCard({ title, text: walletFleetText(wallet), stats: pointsStats(wallet), footnote: asOfFootnote(requestNow()) });
  // No GPU: the page is a staker's (no GPU numbers to show), or there is no page.
  return (await stakerExists(address.data)) ? shareCard({ title, text: SITE_DESCRIPTION }) : notFound();
}
