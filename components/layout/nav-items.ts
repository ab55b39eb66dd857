export const NAV_ITEMS = [
  { href: "/", label: "Overview" },
  { href: "/gpus", label: "Top GPUs" },
  { href: "/estimate", label: "Estimator" },
  { href: "/market", label: "Market" },
  { href: "/epochs", label: "Epochs" },
] as const;

export const API_DOCS_HREF = "/api/v1/openapi.json";

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
