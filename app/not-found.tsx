import Link from "next/link";
import { SearchForm } from "@/components/layout/search-form";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-5 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Nothing lives at this address. If you followed a miner or wallet link, check the ID: a wallet is 0x plus 40 hex characters, a miner ID adds a -tag.
      </p>
      <SearchForm id="not-found-search" label="Search again" />
      <Link href="/" className="inline-block font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        Back to the network overview
      </Link>
    </div>
  );
}
