import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, originOf } from "./csp";

describe("contentSecurityPolicy", () => {
  const policy = contentSecurityPolicy({ nonce: "abc", connect: ["http://127.0.0.1:8545"], inlineScripts: ["console.log(1)"] });
  const directive = (name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

  test("scripts: the nonce, strict-dynamic and the inline script's hash; never unsafe-inline or eval", () => {
    const hash = createHash("sha256").update("console.log(1)").digest("base64");
    expect(directive("script-src")).toBe(`script-src 'self' 'nonce-abc' 'strict-dynamic' 'sha256-${hash}'`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });

  test("no framing by other sites, connections to this origin, the chain RPC and WalletConnect only", () => {
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("connect-src")).toMatch(/^connect-src 'self' http:\/\/127\.0\.0\.1:8545 https:\/\/\*\.walletconnect\.com/);
    expect(directive("object-src")).toBe("object-src 'none'");
  });

  test("dev mode allows eval and the hot-reload socket", () => {
    const dev = contentSecurityPolicy({ nonce: "n", connect: [], inlineScripts: [], dev: true });
    expect(dev).toMatch(/script-src [^;]*'unsafe-eval'/);
    expect(dev).toMatch(/connect-src [^;]* ws:/);
  });

  test("originOf keeps http(s)/ws(s) origins only", () => {
    expect(originOf("http://127.0.0.1:8545/rpc?x=1")).toBe("http://127.0.0.1:8545");
    expect(originOf("javascript:alert(1)")).toBeNull();
    expect(originOf("not a url")).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });
});
