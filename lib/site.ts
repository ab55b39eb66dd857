// The portal's name, colours and icon sizes, and the metadata a shared link previews with: one
// place for the layout, the web app manifest, the icons and the Open Graph images.
import type { Metadata } from "next";

export const SITE_NAME = "Heurist Mining Points";
export const SITE_SHORT_NAME = "Heurist Points";
export const SITE_DESCRIPTION = "Llama and Waifu Points of the Heurist GPU network: every job priced, every point explained.";

/** The browser chrome behind the page: white in the light theme, the dark body's zinc-950 in the dark one. */
export const THEME_COLORS = { light: "#ffffff", dark: "#09090b" } as const;

/** PNG sizes of app/icon.tsx (served at /icon/<size>): the web app manifest's 192 and 512 px. */
export const APP_ICON_SIZES = [192, 512] as const;
export const appIconPath = (size: number) => `/icon/${size}`;

/** Open Graph and Twitter images: the 1.91:1 card both render large. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * A page's Open Graph and Twitter card text. Both objects are given whole: a page's `openGraph`
 * replaces the layout's rather than merging with it, and X reads twitter:title before og:title.
 */
export function shareMetadata(share: { title: string; description: string }): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: { type: "website", siteName: SITE_NAME, locale: "en_US", title: share.title, description: share.description },
    twitter: { card: "summary_large_image", title: share.title, description: share.description },
  };
}

/**
 * A miner's or wallet's page metadata: its title; for a valid ID, its alert feed for feed readers
 * (Atom autodiscovery) and, when the page's own read finds it, a preview of its headline numbers.
 * Nothing to preview, or a failed read (the page itself reports it), keeps the plain title.
 */
export async function addressPageMetadata<Id extends string>(
  title: string,
  parsed: { success: true; data: Id } | { success: false },
  kind: "miners" | "wallets",
  share: (id: Id) => Promise<{ title: string; description: string } | null>,
): Promise<Metadata> {
  if (!parsed.success) return { title };
  const alternates = { types: { "application/atom+xml": `/api/v1/${kind}/${parsed.data}/feed.atom` } };
  const preview = await share(parsed.data).catch(() => null);
  return preview ? { title, alternates, ...shareMetadata(preview) } : { title, alternates };
}
