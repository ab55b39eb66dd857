// The browser's configuration: NEXT_PUBLIC_* variables, fixed when the app is built. Each is read
// as a literal `process.env.NEXT_PUBLIC_X` because Next.js inlines only that exact form into client
// bundles; lib/env (the server's settings, parsed at start-up) would see nothing in a browser.

/** WalletConnect's project id (cloud.reown.com); unset or empty: WalletConnect is not offered. */
export const WALLETCONNECT_PROJECT_ID: string | undefined = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || undefined;
