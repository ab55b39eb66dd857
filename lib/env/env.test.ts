import { describe, expect, test } from "vitest";
import { chainEnv, opsEnv, parseServerEnv, securityEnv } from ".";

const DATABASE_URL = "postgresql://portal@127.0.0.1:5432/heurist";

describe("a bad variable stops start-up with a message naming it and what is wrong", () => {
  test.each([
    ["unset DATABASE_URL", {}, /Invalid server environment:\n {2}DATABASE_URL: DATABASE_URL is not set/],
    ["DATABASE_URL that is not postgresql://", { DATABASE_URL: "mysql://x" }, /DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL/],
    ["a pool size that is not a number", { DATABASE_URL, DATABASE_POOL_MAX: "many" }, /\n {2}DATABASE_POOL_MAX: /],
    ["a short HMAC secret", { DATABASE_URL, INGEST_HMAC_SECRET: "short" }, /INGEST_HMAC_SECRET: INGEST_HMAC_SECRET must be at least 16 characters/],
    ["a switch that is neither on nor off", { DATABASE_URL, CHAIN_INDEXER: "yes" }, /CHAIN_INDEXER: CHAIN_INDEXER must be on or off/],
    ["a malformed admin list", { DATABASE_URL, ADMIN_ADDRESSES: "0x12" }, /ADMIN_ADDRESSES: ADMIN_ADDRESSES must be comma-separated 0x addresses/],
  ])("server: %s", (_name, env, message) => {
    expect(() => parseServerEnv(env, false)).toThrow(message);
  });

  test("server: production without AUTH_DOMAIN", () => {
    expect(() => parseServerEnv({ DATABASE_URL }, true)).toThrow(/Invalid server environment:\n {2}AUTH_DOMAIN: required in production/);
    expect(parseServerEnv({ DATABASE_URL }, false).AUTH_ORIGIN).toBe("http://localhost:3000");
  });

  test.each([
    ["an RPC URL that is not a URL", { CHAIN_RPC_URL: "not a url" }, /Invalid chain environment:\n {2}CHAIN_RPC_URL: CHAIN_RPC_URL must be a URL/],
    ["a contract address that is not 40 hex digits", { HEU_ADDRESS: "0x1234" }, /HEU_ADDRESS: HEU_ADDRESS must be a 0x address/],
    [
      "one contract without the other three",
      { HEU_ADDRESS: `0x${"1".repeat(40)}` },
      /chain: HEU_ADDRESS, ESHEU_ADDRESS, IMAGINARIES_ADDRESS and STAKING_MARKET_ADDRESS are set together/,
    ],
  ])("chain: %s", (_name, env, message) => {
    expect(() => chainEnv(env)).toThrow(message);
  });

  test.each([
    ["a port out of range", { DATABASE_URL, PORT: "70000" }, /Invalid web server environment:\n {2}PORT: /],
    ["the postgres rate-limit store without a database", {}, /DATABASE_URL: DATABASE_URL is not set: the rate limits are kept in PostgreSQL/],
  ])("web server: %s", (_name, env, message) => {
    expect(() => securityEnv(env)).toThrow(message);
  });

  test("ops: an unknown log level", () => {
    expect(() => opsEnv({ LOG_LEVEL: "loud" })).toThrow(/Invalid ops environment:\n {2}LOG_LEVEL: LOG_LEVEL must be one of fatal, error/);
  });

  test("good values parse, with the defaults filled in", () => {
    expect(parseServerEnv({ DATABASE_URL, CHAIN_INDEXER: "off" }, false)).toMatchObject({ DATABASE_POOL_MAX: 10, CHAIN_INDEXER: "off", ADMIN_ADDRESSES: [] });
    expect(securityEnv({ RATE_LIMIT_STORE: "memory" })).toMatchObject({ PORT: 3000, HOST: "127.0.0.1" });
    expect(opsEnv({}).LOG_LEVEL).toBe("info");
  });
});
