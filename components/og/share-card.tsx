// The image a shared link previews with (Open Graph and X cards, 1200 × 630): the portal's icon and
// name, what the link is, and its headline numbers, in the light theme's colours.
import { ImageResponse } from "next/og";
import { headlineFigures, type HeadlinePoints } from "@/lib/dashboard/headline";
import { formatDateTime } from "@/lib/format";
import { SHARE_IMAGE_SIZE, SITE_NAME } from "@/lib/site";
import { iconSvgDataUrl } from "./app-icon";

export interface ShareStat {
  label: string;
  value: string;
  /** The bar beside it: Waifu and Llama take the icon's two colours. */
  tone?: "waifu" | "llama";
}

const INK = "#18181b";
const MUTED = "#52525b";
const BAR = { waifu: "#e879c6", llama: "#22b8cf", default: "#d4d4d8" } as const;

export function shareCard(card: { title: string; text?: string; stats?: ShareStat[]; footnote?: string }): ImageResponse {
  const stats = card.stats ?? [];
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 64, background: "#ffffff", color: INK }}>
      <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 34 }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- next/og draws <img>; next/image is for pages */}
        <img src={iconSvgDataUrl()} width={64} height={64} alt="" />
        {SITE_NAME}
      </div>
      <div style={{ display: "flex", flexDirection: "column", marginTop: 56, gap: 12 }}>
        <div style={{ fontSize: 68, lineHeight: 1.1 }}>{card.title}</div>
        {card.text ? <div style={{ fontSize: 34, color: MUTED, lineHeight: 1.3 }}>{card.text}</div> : null}
      </div>
      <div style={{ display: "flex", gap: 28, marginTop: "auto" }}>
        {stats.map((s) => (
          <div key={s.label} style={{ display: "flex", flexDirection: "column", flex: 1, paddingLeft: 20, borderLeft: `8px solid ${BAR[s.tone ?? "default"]}` }}>
            <div style={{ fontSize: 56 }}>{s.value}</div>
            <div style={{ fontSize: 26, color: MUTED }}>{s.label}</div>
          </div>
        ))}
      </div>
      {card.footnote ? <div style={{ display: "flex", marginTop: 28, fontSize: 24, color: MUTED }}>{card.footnote}</div> : null}
    </div>,
    SHARE_IMAGE_SIZE,
  );
}

/** A wallet's or miner's first three stat cards, as its page shows them. */
export function pointsStats(p: HeadlinePoints): ShareStat[] {
  const f = headlineFigures(p);
  return [
    { label: "Waifu Points, all time", value: f.waifu, tone: "waifu" },
    { label: "Llama Points, all time", value: f.llama, tone: "llama" },
    { label: "Points, last 24 h", value: f.total24h },
  ];
}

export const asOfFootnote = (at: Date) => `As of ${formatDateTime(at.toISOString())}`;
