// Every API route and the methods it answers, in OpenAPI's path syntax. The request proxy answers
// a JSON 404 for any other /api path and a JSON 405 with `Allow` for any other method, before
// Next.js would send its HTML 404 or an empty 405. A test keeps this table equal to the route
// files under app/api and app/prod (Heurist's own stats path, decision 0033) and to the OpenAPI
// document.
export const API_ROUTES: Readonly<Record<string, readonly string[]>> = {
  "/api/v1/admin/actions": ["GET"],
  "/api/v1/admin/flags": ["GET"],
  "/api/v1/admin/slashes": ["POST"],
  "/api/v1/admin/slashes/{id}/reverse": ["POST"],
  "/api/v1/auth/logout": ["POST"],
  "/api/v1/auth/nonce": ["GET"],
  "/api/v1/auth/session": ["GET"],
  "/api/v1/auth/verify": ["POST"],
  "/api/v1/chain": ["GET"],
  "/api/v1/epochs": ["GET"],
  "/api/v1/epochs/{epoch}": ["GET"],
  "/api/v1/epochs/{epoch}/rewards": ["GET"],
  "/api/v1/estimate": ["GET"],
  "/api/v1/gpus": ["GET"],
  "/api/v1/health": ["GET"],
  "/api/v1/heartbeats": ["POST"],
  "/api/v1/jobs": ["POST"],
  "/api/v1/leaderboard": ["GET"],
  "/api/v1/market": ["GET"],
  "/api/v1/market.csv": ["GET"],
  "/api/v1/metrics": ["GET"],
  "/api/v1/miners/{minerId}": ["GET"],
  "/api/v1/miners/{minerId}/bribes": ["GET"],
  "/api/v1/miners/{minerId}/daily.csv": ["GET"],
  "/api/v1/miners/{minerId}/feed.atom": ["GET"],
  "/api/v1/miners/{minerId}/history": ["GET"],
  "/api/v1/miners/{minerId}/ledger.csv": ["GET"],
  "/api/v1/miners/{minerId}/slashes": ["GET"],
  "/api/v1/models": ["GET"],
  "/api/v1/openapi.json": ["GET"],
  "/api/v1/ready": ["GET"],
  "/api/v1/stakers/{address}": ["GET"],
  "/api/v1/wallets/{address}": ["GET"],
  "/api/v1/wallets/{address}/boost-slots": ["GET", "PUT"],
  "/api/v1/wallets/{address}/claims": ["GET"],
  "/api/v1/wallets/{address}/daily.csv": ["GET"],
  "/api/v1/wallets/{address}/feed.atom": ["GET"],
  "/api/v1/wallets/{address}/ledger.csv": ["GET"],
  "/api/v1/wallets/{address}/miners.csv": ["GET"],
  "/api/v1/wallets/{address}/rewards.csv": ["GET"],
  "/api/v1/wallets/{address}/watches": ["GET", "POST"],
  "/api/v1/wallets/{address}/watches/{id}": ["DELETE"],
  "/api/v1/wallets/{address}/watches/{id}/enable": ["POST"],
  "/api/v1/wallets/{address}/watches/{id}/test": ["POST"],
  "/prod/stats": ["GET"],
};

const matchers = Object.entries(API_ROUTES).map(([template, methods]) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  methods,
}));

export type ApiRouteMatch = { kind: "ok"; template: string } | { kind: "not_found" } | { kind: "method_not_allowed"; allow: string; template: string };

/** HEAD is answered wherever GET is, and OPTIONS everywhere (Next.js implements both). */
export function matchApiRoute(method: string, pathname: string): ApiRouteMatch {
  const route = matchers.find((m) => m.pattern.test(pathname));
  if (!route) return { kind: "not_found" };
  const allowed = new Set([...route.methods, "OPTIONS", ...(route.methods.includes("GET") ? ["HEAD"] : [])]);
  return allowed.has(method) ? { kind: "ok", template: route.template } : { kind: "method_not_allowed", allow: [...allowed].sort().join(", "), template: route.template };
}

/** The route template a path belongs to ("/api/v1/miners/{minerId}"): a metric label of bounded cardinality. */
export function apiRouteTemplate(pathname: string): string | null {
  return matchers.find((m) => m.pattern.test(pathname))?.template ?? null;
}

/** Paths the API answers (JSON, no page CSP): /api and Heurist's compatible /prod/stats. */
export const isApiPath = (pathname: string): boolean => /^\/(api|prod)(\/|$)/.test(pathname);
