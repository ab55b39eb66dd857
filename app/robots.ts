import type { MetadataRoute } from "next";

// Crawlers may read every page; they may not spend the database on what a search result never shows:
// - /api/: JSON for programs, including the CSV exports (whole ledgers streamed), the admin
//   endpoints and ingestion; the pages already carry the same numbers.
// - any URL with a query string: the sort, filter, page and range variants of the dashboards, each
//   a fresh read of the same wallet, miner or market (a wallet page links dozens of them).
// Allowed again, as the longer rule wins (RFC 9309): the icons and shared-link images, whose URLs
// end in a version query, so link previews keep their pictures.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: ["/", "/favicon.ico", "/icon", "/apple-icon", "/*opengraph-image"],
      disallow: ["/api/", "/*?"],
    },
  };
}
