import { shareCard } from "@/components/og/share-card";
import { SHARE_IMAGE_SIZE, SITE_NAME } from "@/lib/site";

// Every page's shared-link image unless its segment has its own (wallets and miners do); made at build time.
export const alt = SITE_NAME;
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default function Image() {
  return shareCard({ title: "Llama and Waifu Points of the Heurist GPU network", text: "Every job priced, every point explained." });
}
