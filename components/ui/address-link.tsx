import Link from "next/link";
import { shortId } from "@/lib/format";
import { cn } from "./cn";

/** A wallet or miner ID, shortened, linking to its dashboard; the full ID is the accessible name. */
export function AddressLink({ id, kind = "wallet", className, full = false }: { id: string; kind?: "wallet" | "miner"; className?: string; full?: boolean }) {
  const href = kind === "wallet" ? `/wallets/${id}` : `/miners/${encodeURIComponent(id)}`;
  return (
    <Link
      href={href}
      title={id}
      aria-label={`${kind === "wallet" ? "Wallet" : "Miner"} ${id}`}
      className={cn("font-mono text-indigo-700 hover:underline dark:text-indigo-300", className)}
    >
      {full ? id : shortId(id)}
    </Link>
  );
}
