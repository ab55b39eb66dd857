import { Badge, Section, Table, Td, Tr } from "@/components/ui";
import { formatDateTime, formatPoints } from "@/lib/format";
import { listMinerSlashes } from "@/lib/server/admin/audit-log";

/**
 * Slashes and reversals that touched this miner ID, with the admins' reasons: a miner should see
 * why points were taken. Rendered only when there are any; the audit log keeps who did it.
 */
export async function MinerSlashes({ minerId }: { minerId: string }) {
  const page = await listMinerSlashes(minerId, 1, 20);
  if (page.items.length === 0) return null;
  return (
    <Section
      id="slashes"
      title="Slashes and reversals"
      description="Points taken by an admin for a time window (a slash is a negative ledger entry in the epoch it was made, never a deletion) and given back (a reversal)."
    >
      <Table
        caption={`Slashes and reversals of ${minerId}`}
        captionHidden
        columns={["When", "Action", "Window", "Reason", { label: "Waifu Points", numeric: true }, { label: "Llama Points", numeric: true }]}
      >
        {page.items.map((s) => (
          <Tr key={s.id}>
            <Td>{formatDateTime(s.createdAt)}</Td>
            <Td>
              <Badge tone={s.action === "slash" ? "danger" : "success"}>{s.action === "slash" ? (s.reversed ? "slash (reversed)" : "slash") : "reversal"}</Badge>
              {s.targetKind === "wallet" ? <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">whole wallet</span> : null}
            </Td>
            <Td className="whitespace-nowrap">
              {s.windowFrom && s.windowTo ? `${s.windowFrom.slice(0, 16).replace("T", " ")} → ${s.windowTo.slice(0, 16).replace("T", " ")}` : "–"}
            </Td>
            <Td className="max-w-md">{s.reason}</Td>
            <Td numeric>{formatPoints(s.waifuPoints, 2)}</Td>
            <Td numeric>{formatPoints(s.llamaPoints, 2)}</Td>
          </Tr>
        ))}
      </Table>
    </Section>
  );
}
