import { LookupNotFound } from "@/components/dashboard/lookup-not-found";

export default function MinerNotFound() {
  return <LookupNotFound what="miner" />;
}
