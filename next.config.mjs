/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The e2e suite builds into its own folder so it never clobbers a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `next dev` otherwise refuses its hot-reload resources to http://127.0.0.1 (pages never hydrate).
  allowedDevOrigins: ["127.0.0.1"],
  // Server-only database drivers stay as plain Node requires instead of being bundled; prom-client
  // too, so route handlers and the front server (scripts/serve.ts) share one module in the process.
  serverExternalPackages: ["pg", "prom-client"],
  // `npm run test:all` type-checks with tsc beside the build, so its build need not check again.
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === "1" },
};

export default nextConfig;
