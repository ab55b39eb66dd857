// The move form's node picker as pure functions: what the typed text asks GET /api/v1/market, which
// rows become options, and what each key does (WAI-ARIA combobox with list autocomplete and manual
// selection: typing never chooses a node, only ArrowDown/ArrowUp then Enter or a click do).
import type { MarketRow } from "@/lib/schemas/market";

/** Options the picker asks for; the source node may take one of them. */
export const PICKER_PAGE_SIZE = 8;
/** The API's ceiling for `stake` (lib/schemas/market.ts MAX_STAKE_HEU, kept out of the client bundle with zod). */
const MAX_STAKE_HEU = 1_000_000_000;

const QUERY_CHARS = /^[0-9a-z_-]*$/;

export type PickerQuery = { ok: true; q: string } | { ok: false; reason: string };

/** The typed text as the API's `q` (a miner-ID or wallet prefix, lower-cased), or why it cannot be one. */
export function pickerQuery(text: string): PickerQuery {
  const q = text.trim().toLowerCase();
  if (q.length > 120) return { ok: false, reason: "A miner ID is at most 120 characters." };
  if (!QUERY_CHARS.test(q)) return { ok: false, reason: "Type the start of a miner ID or wallet: letters, digits, - and _ only (no … or spaces)." };
  return { ok: true, q };
}

/** The market API's URL for the picker: best yield first for `stakeHeu` (a decimal HEU string; null: the API's default). */
export function marketSearchPath(q: string, stakeHeu: string | null): string {
  const p = new URLSearchParams();
  if (q) p.set("q", q);
  const stake = stakeHeu === null ? NaN : Number(stakeHeu);
  if (stake > 0 && stake <= MAX_STAKE_HEU) p.set("stake", stakeHeu!);
  p.set("sort", "yield");
  p.set("pageSize", String(PICKER_PAGE_SIZE));
  return `/api/v1/market?${p}`;
}

/** The rows as options: the source node left out, and a node whose full miner ID was typed first. */
export function pickerOptions(rows: readonly MarketRow[], q: string, exclude: string): MarketRow[] {
  const source = exclude.toLowerCase();
  const others = rows.filter((r) => r.minerId !== source);
  const exact = others.findIndex((r) => r.minerId === q);
  if (exact <= 0) return others;
  return [others[exact]!, ...others.slice(0, exact), ...others.slice(exact + 1)];
}

export interface PickerState {
  open: boolean;
  /** The option with visual focus (aria-activedescendant), by miner ID so new results never shift it onto another node. */
  activeId: string | null;
}

export const PICKER_CLOSED: PickerState = { open: false, activeId: null };
/** After typing: the list shows what matches, with no option active. */
export const PICKER_TYPED: PickerState = { open: true, activeId: null };

/** The active option if it is still among `ids`. */
export function activeIndex(s: PickerState, ids: readonly string[]): number {
  return s.open && s.activeId !== null ? ids.indexOf(s.activeId) : -1;
}

export interface KeyOutcome {
  state: PickerState;
  /** The miner ID chosen (Enter on an active option). */
  pick: string | null;
  /** Escape on a closed list: empty the text box. */
  clear: boolean;
  /** The key was the picker's: prevent its default (caret move, form submit). */
  handled: boolean;
}

/** What a key pressed in the combobox does, given the options on screen (by miner ID). */
export function pickerKeyDown(s: PickerState, key: { key: string; altKey?: boolean }, ids: readonly string[]): KeyOutcome {
  const out = (state: PickerState, handled = true, pick: string | null = null, clear = false): KeyOutcome => ({ state, pick, clear, handled });
  const at = activeIndex(s, ids);
  const n = ids.length;
  switch (key.key) {
    case "ArrowDown":
      if (key.altKey) return out({ open: true, activeId: s.open ? s.activeId : null });
      if (!s.open || n === 0) return out({ open: true, activeId: ids[0] ?? null });
      return out({ open: true, activeId: ids[(at + 1) % n]! });
    case "ArrowUp":
      if (key.altKey) return out({ ...s, open: false });
      if (!s.open || n === 0) return out({ open: true, activeId: ids[n - 1] ?? null });
      return out({ open: true, activeId: ids[at <= 0 ? n - 1 : at - 1]! });
    case "Enter":
      if (!s.open) return out(s, false);
      // Enter with the list open never submits the form: it picks the active option or does nothing.
      return at >= 0 ? out(PICKER_CLOSED, true, ids[at]!) : out(s);
    case "Escape":
      return s.open ? out(PICKER_CLOSED) : out(PICKER_CLOSED, true, null, true);
    case "Tab":
      return out(PICKER_CLOSED, false);
    default:
      return out(s, false);
  }
}
