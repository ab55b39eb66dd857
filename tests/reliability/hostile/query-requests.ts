// Hostile GET requests to the estimate and read APIs: every one carries at least one parameter
// that the documented contract refuses, or names a miner or wallet that does not exist.
import fc from "fast-check";
import { findModel, findSchedule } from "@/lib/points";
import { WALLET_MINER_SORTS } from "@/lib/schemas/wallets";
import type { HostileRequest } from "./requests";
import { badAddress, badMinerId, hostileString, invalidIntText, invalidNumberText, notOneOf, POLLUTING_KEYS, walletAddress } from "./values";

export interface ReadContext {
  /** A miner ID and a wallet that exist, so a refusal cannot be a mere 404. */
  minerId: string;
  wallet: string;
}

type Query = Record<string, string>;

const get = (api: string, kind: string, path: string, query: Query, params?: Record<string, string>): HostileRequest => {
  const qs = new URLSearchParams(query).toString();
  return { api, kind, method: "GET", path: qs ? `${path}?${qs}` : path, params };
};

/** `base` with one or more of `bad` applied: each entry maps a kind to a mutation of the query. */
function spoiled(base: fc.Arbitrary<Query>, bad: Record<string, fc.Arbitrary<(q: Query) => void>>): fc.Arbitrary<{ kinds: string; query: Query }> {
  const entries = Object.entries(bad).map(([kind, arb]) => arb.map((apply) => ({ kind, apply })));
  return fc.tuple(base, fc.array(fc.oneof(...entries), { minLength: 1, maxLength: 3 })).map(([q, muts]) => {
    const query = { ...q };
    for (const m of muts) m.apply(query);
    return { kinds: [...new Set(muts.map((m) => m.kind))].join("+"), query };
  });
}

const set = (key: string, value: fc.Arbitrary<string>) => value.map((v) => (q: Query) => void (q[key] = v));
// defineProperty, not assignment: `q["__proto__"] = v` would set the prototype, not add a parameter.
const unknownKey = (known: readonly string[]) =>
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...POLLUTING_KEYS),
        hostileString.filter((k) => k !== "" && !known.includes(k)),
      ),
      hostileString,
    )
    .map(
      ([k, v]) =>
        (q: Query) =>
          void Object.defineProperty(q, k, { value: v, enumerable: true, writable: true, configurable: true }),
    );

const ESTIMATE_KEYS = ["schedule", "model", "width", "height", "steps", "input_tokens", "output_tokens", "nfts", "stake"];

function estimate(): fc.Arbitrary<HostileRequest> {
  const image = fc.record({ model: fc.constantFrom("SDXL", "FLUX.1-dev"), width: fc.constant("1024"), height: fc.constant("1024"), steps: fc.constant("20") });
  const llm = fc.record({ model: fc.constantFrom("hermes-3-llama3.1-8b", "mixtral-8x7b"), input_tokens: fc.constant("1200"), output_tokens: fc.constant("800") });
  const extras = fc.record({ nfts: fc.integer({ min: 0, max: 500 }).map(String), stake: fc.integer({ min: 0, max: 10 ** 6 }).map(String) }, { requiredKeys: [] });
  const base = fc.tuple(fc.oneof(image, llm), extras).map(([shape, more]): Query => ({ ...shape, ...more }));
  // By the model, not by the fields present: deleting a field then only ever removes a required one.
  const isImage = (q: Query) => findModel(q.model ?? "")?.kind === "image";
  return spoiled(base, {
    "no-model": fc.constant((q: Query) => void delete q.model),
    "unknown-model": set(
      "model",
      hostileString.filter((m) => findModel(m) === undefined),
    ),
    "unknown-schedule": set(
      "schedule",
      hostileString.filter((s) => findSchedule(s) === undefined),
    ),
    "not-offered": fc.constant((q: Query) => Object.assign(q, { model: "FLUX.1-dev", schedule: "testnet-2024-04", width: "1024", height: "1024", steps: "20" })),
    "bad-width": set("width", invalidIntText(1, 16_384)),
    "bad-height": set("height", invalidIntText(1, 16_384)),
    "bad-steps": set("steps", invalidIntText(1, 1_000)),
    "bad-tokens": fc.tuple(fc.constantFrom("input_tokens", "output_tokens"), invalidIntText(0, 10_000_000)).map(
      ([k, v]) =>
        (q: Query) =>
          void (q[k] = v),
    ),
    "bad-nfts": set("nfts", invalidIntText(0, 500)),
    "bad-stake": set("stake", invalidNumberText(0, 1e12)),
    "unknown-param": unknownKey(ESTIMATE_KEYS),
    "missing-shape-field": fc.nat().map((i) => (q: Query) => {
      const fields = isImage(q) ? ["width", "height", "steps"] : ["input_tokens", "output_tokens"];
      delete q[fields[i % fields.length]!];
    }),
    "other-kind-field": fc.constant((q: Query) => void (isImage(q) ? (q.input_tokens = "10") : (q.width = "512"))),
  }).map(({ kinds, query }) => get("GET /api/v1/estimate", `estimate/${kinds}`, "/api/v1/estimate", query));
}

const PAGE = { page: invalidIntText(1, 1_000_000), pageSize: invalidIntText(1, 200) };
const badQ = fc.oneof(
  fc.string({ minLength: 101, maxLength: 400, unit: "grapheme" }).filter((s) => s.trim().length > 100),
  hostileString.map((s) => `${s}\u0000`),
);

function miners(ctx: ReadContext): fc.Arbitrary<HostileRequest> {
  const api = "GET /api/v1/miners/{id}";
  const unknown = fc.tuple(walletAddress, fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/)).map(([w, t]) => `${w}-${t}`);
  return fc.oneof(
    badMinerId.map((id) => get(api, "miner/bad-id", `/api/v1/miners/${encodeURIComponent(id)}`, {}, { minerId: id })),
    unknown.map((id) => get(api, "miner/unknown", `/api/v1/miners/${id}`, {}, { minerId: id })),
    invalidIntText(1, 365).map((days) => get(api, "miner/bad-days", `/api/v1/miners/${ctx.minerId}`, { days }, { minerId: ctx.minerId })),
  );
}

function wallets(ctx: ReadContext): fc.Arbitrary<HostileRequest> {
  const api = "GET /api/v1/wallets/{address}";
  const bad = spoiled(fc.constant({}), {
    page: set("page", PAGE.page),
    pageSize: set("pageSize", PAGE.pageSize),
    days: set("days", invalidIntText(1, 365)),
    sort: set("sort", notOneOf(WALLET_MINER_SORTS)),
    order: set("order", notOneOf(["asc", "desc"])),
    q: set("q", badQ),
  });
  return fc.oneof(
    badAddress.map((a) => get(api, "wallet/bad-address", `/api/v1/wallets/${encodeURIComponent(a)}`, {}, { address: a })),
    walletAddress.map((a) => get(api, "wallet/unknown", `/api/v1/wallets/${a}`, {}, { address: a })),
    bad.map(({ kinds, query }) => get(api, `wallet/${kinds}`, `/api/v1/wallets/${ctx.wallet}`, query, { address: ctx.wallet })),
  );
}

function leaderboard(): fc.Arbitrary<HostileRequest> {
  return spoiled(fc.record({ type: fc.constantFrom("waifu", "llama"), window: fc.constantFrom("24h", "7d", "all") }, { requiredKeys: [] }), {
    type: set("type", notOneOf(["waifu", "llama"])),
    window: set("window", notOneOf(["24h", "7d", "all"])),
    page: set("page", PAGE.page),
    pageSize: set("pageSize", PAGE.pageSize),
  }).map(({ kinds, query }) => get("GET /api/v1/leaderboard", `leaderboard/${kinds}`, "/api/v1/leaderboard", query));
}

function gpus(): fc.Arbitrary<HostileRequest> {
  return notOneOf(["24h", "7d"]).map((window) => get("GET /api/v1/gpus", "gpus/bad-window", "/api/v1/gpus", { window }));
}

export function hostileReads(ctx: ReadContext) {
  return { estimate: estimate(), miners: miners(ctx), wallets: wallets(ctx), leaderboard: leaderboard(), gpus: gpus() };
}
