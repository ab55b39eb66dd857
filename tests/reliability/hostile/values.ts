// Building blocks for hostile input: strings, numbers and JSON values that broken or malicious
// clients send. Each generator that claims "invalid" is filtered by the documented contract (a
// regex, a range), so a request built from it must be refused whatever the value turns out to be.
import fc from "fast-check";

/** Keys that poison naive object merging or shadow Object.prototype members. */
export const POLLUTING_KEYS = ["__proto__", "constructor", "prototype", "__defineGetter__", "hasOwnProperty", "toString", "valueOf"] as const;

const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u202e",
  "\uFEFF",
  "\u200b",
  "%00",
  "%",
  "%ZZ",
  "'; DROP TABLE jobs; --",
  '" OR 1=1 --',
  '=HYPERLINK("http://x")',
  "+1",
  "-1",
  "@SUM(A1)",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "${jndi:ldap://x}",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "0x10",
  "1_000",
  "١٢",
  "１２",
  "null",
  "true",
  "[]",
  "{}",
  "💥".repeat(40),
  ...POLLUTING_KEYS,
];

/** Any string a client might send: full Unicode, control characters, payloads, very long ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary-ascii", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
  { arbitrary: fc.string({ minLength: 121, maxLength: 4000 }), weight: 1 },
);

/** Any JSON value, for "wrong type" mutations. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** A JSON value that is not a string. */
export const nonString = anyJson.filter((v) => typeof v !== "string");
/** A JSON value that is not a number. */
export const nonNumber = anyJson.filter((v) => typeof v !== "number");

/** Numeric text that Number() reads as an integer in [min, max]: what the query schemas accept. */
export function isIntText(text: string, min: number, max: number): boolean {
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max;
}

/** Query-string text that is not an integer in [min, max]. */
export function invalidIntText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.integer({ min: -(2 ** 40), max: min - 1 }).map(String),
      fc.integer({ min: max + 1, max: 2 ** 40 }).map(String),
      fc
        .double({ min, max, noNaN: true })
        .filter((x) => !Number.isInteger(x))
        .map(String),
      fc.constantFrom("NaN", "Infinity", "-Infinity", "1e400", `${max}0`, `${max}.5`, "1,000", "9".repeat(400)),
      hostileString,
    )
    .filter((s) => !isIntText(s, min, max));
}

/** Query-string text that is not a number in [min, max]. */
export function invalidNumberText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc
        .double({ max: min, noNaN: true, noDefaultInfinity: true })
        .filter((x) => x < min)
        .map(String),
      fc
        .double({ min: max, noNaN: true })
        .filter((x) => x > max)
        .map(String),
      hostileString,
    )
    .filter((s) => {
      const n = Number(s);
      return !(Number.isFinite(n) && n >= min && n <= max);
    });
}

/** A hostile string that is none of `allowed` (for enum parameters). */
export function notOneOf(allowed: readonly string[]): fc.Arbitrary<string> {
  return hostileString.filter((s) => !allowed.includes(s));
}

/** A random well-formed wallet address (unknown to the database: 2^160 of them). */
export const walletAddress = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => `0x${Buffer.from(b).toString("hex")}`);

export const WALLET_PATTERN = /^0x[a-fA-F0-9]{40}$/;
export const MINER_ID_PATTERN = /^(0x[a-fA-F0-9]{40})(-[A-Za-z0-9_]+)?$/;

/** Strings that are not wallet addresses, including near misses (39/41 digits, non-hex, spaces). */
export const badAddress: fc.Arbitrary<string> = fc
  .oneof(
    hostileString,
    walletAddress.map((a) => a.slice(0, -1)),
    walletAddress.map((a) => `${a}0`),
    walletAddress.map((a) => `${a.slice(0, -1)}g`),
    walletAddress.map((a) => ` ${a}`),
    walletAddress.map((a) => a.slice(2)),
    walletAddress.map((a) => `${a}-rig`),
  )
  .filter((s) => !WALLET_PATTERN.test(s));

/** Strings that are not miner IDs, including near misses (bad tags, too long). */
export const badMinerId: fc.Arbitrary<string> = fc
  .oneof(
    hostileString,
    badAddress,
    fc.tuple(walletAddress, hostileString).map(([a, tag]) => `${a}-${tag}`),
    walletAddress.map((a) => `${a}-${"x".repeat(100)}`),
    walletAddress.map((a) => `${a}-`),
  )
  .filter((s) => !MINER_ID_PATTERN.test(s) || s.length > 120);

/** Text that a header may carry (Latin-1 without CR, LF, NUL), else the Request cannot be built. */
export function headerSafe(value: string): boolean {
  try {
    new Headers({ x: value });
    return true;
  } catch {
    return false;
  }
}
