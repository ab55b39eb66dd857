import { Badge, type BadgeTone } from "@/components/ui";
import type { BribeHistoryResponse } from "@/lib/schemas/staking";

type Entry = Pick<BribeHistoryResponse["history"][number], "status" | "inForceFrom">;

const STATUS: Record<Entry["status"], { label: string; tone: BadgeTone }> = {
  in_force: { label: "In force", tone: "success" },
  pending: { label: "Pending", tone: "info" },
  superseded: { label: "Superseded", tone: "neutral" },
};

/** A bribe change's status; one replaced before its epoch began reads "Replaced". */
export function BribeStatusBadge({ entry }: { entry: Entry }) {
  const s = STATUS[entry.status];
  return <Badge tone={s.tone}>{entry.inForceFrom === null && entry.status === "superseded" ? "Replaced" : s.label}</Badge>;
}
