import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { THEME_COOKIE, parseTheme } from "@/components/theme/theme-cookie";
import { ThemeScript } from "@/components/theme/theme-script";
import { serverEnv } from "@/lib/env";
import { SITE_DESCRIPTION, SITE_NAME, THEME_COLORS, shareMetadata } from "@/lib/site";
import "./globals.css";

// At request time, not build time: the origin is configuration (AUTH_ORIGIN), and share previews
// need absolute URLs for og:image.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(serverEnv().AUTH_ORIGIN),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    ...shareMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION }),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLORS.light },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.dark },
  ],
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // The stored choice renders the right class on the server; without one, ThemeScript follows the OS.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === "dark" ? "dark" : undefined} data-theme={theme} suppressHydrationWarning>
      <head>{theme ? null : <ThemeScript />}</head>
      <body className="flex min-h-screen flex-col bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only z-50 focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-medium focus:text-zinc-900 focus:shadow-lg"
        >
          Skip to content
        </a>
        <SiteHeader theme={theme} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
