import type { MetadataRoute } from "next";
import { APP_ICON_SIZES, SITE_DESCRIPTION, SITE_NAME, SITE_SHORT_NAME, THEME_COLORS, appIconPath } from "@/lib/site";

// One theme colour only: a manifest cannot follow the colour scheme. The page's own theme-color
// meta tags (light and dark, app/layout.tsx) take precedence once it has loaded.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: SITE_NAME,
    short_name: SITE_SHORT_NAME,
    description: SITE_DESCRIPTION,
    start_url: "/",
    scope: "/",
    display: "standalone",
    theme_color: THEME_COLORS.light,
    background_color: THEME_COLORS.light,
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }, ...APP_ICON_SIZES.map((size) => ({ src: appIconPath(size), sizes: `${size}x${size}`, type: "image/png" }))],
  };
}
