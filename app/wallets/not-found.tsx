import { LookupNotFound } from "@/components/dashboard/lookup-not-found";

export default function WalletNotFound() {
  return <LookupNotFound what="wallet" />;
}
