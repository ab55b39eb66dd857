import { Card, Section } from "@/components/ui";
import { WatchesPanel } from "./watches-panel";

/** A wallet's alerts: the owner's watches and what they raised, and the public feed anyone can follow. */
export function WatchesSection({ address }: { address: string }) {
  return (
    <Section id="alerts" title="Alerts" description="GPUs that stop earning, bribe and stake changes, slashes and epochs, told to you here, by signed webhook or in a feed.">
      <Card className="space-y-4">
        <WatchesPanel wallet={address} />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Anyone can follow this wallet&apos;s alerts in a feed reader or a chat bot:{" "}
          <a href={`/api/v1/wallets/${address}/feed.atom`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
            Atom feed
          </a>
          .
        </p>
      </Card>
    </Section>
  );
}
