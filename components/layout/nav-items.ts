export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/gpus", label: "Top GPUs" },
  { href: "/estimate", label: "Estimator" },
  { href: "/market", label: "Market" },
  { href: "/epochs", label: "Epochs" },
  { href: "/docs/api", label: "API" },
] as const;

/** The machine-readable document the API page is rendered from. */
export const OPENAPI_JSON_HREF = "/api/v1/openapi.json";

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
