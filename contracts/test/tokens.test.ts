// HEU (owner-minted ERC-20) and Heurist Imaginaries (owner-minted ERC-721 capped at 500).
import { parseEther, type Hash } from "viem";
import { describe, expect, test } from "vitest";
import { heuAbi, imaginariesAbi } from "../../lib/chain/abi";
import { alice, bob, eventOf, expectRevert, mined, owner, publicClient, walletOf, deployPerFile } from "./fixture";

const c = deployPerFile();

describe("HEU", () => {
  test("is the 18-decimal Heurist token owned by the deployer", async () => {
    const read = (functionName: "name" | "symbol" | "decimals" | "owner" | "totalSupply") => publicClient.readContract({ address: c.heu, abi: heuAbi, functionName });
    expect(await Promise.all([read("name"), read("symbol"), read("decimals"), read("owner"), read("totalSupply")])).toEqual(["Heurist", "HEU", 18, owner, 0n]);
  });

  test("the owner mints to anyone", async () => {
    const receipt = await mined(walletOf(owner).writeContract({ address: c.heu, abi: heuAbi, functionName: "mint", args: [alice, parseEther("5")] }));
    expect(eventOf(receipt, heuAbi, "Transfer")).toEqual({ from: "0x0000000000000000000000000000000000000000", to: alice, value: parseEther("5") });
    expect(await publicClient.readContract({ address: c.heu, abi: heuAbi, functionName: "balanceOf", args: [alice] })).toBe(parseEther("5"));
  });

  test("nobody else can mint", async () => {
    await expectRevert(walletOf(alice).writeContract({ address: c.heu, abi: heuAbi, functionName: "mint", args: [alice, 1n] }), "OwnableUnauthorizedAccount", [alice]);
  });
});

describe("Heurist Imaginaries", () => {
  const mint = (to = alice, from = owner) => walletOf(from).writeContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "mint", args: [to] });
  const totalSupply = () => publicClient.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "totalSupply" });

  test("is IMAGINE with a 500 cap and starts empty", async () => {
    const read = (functionName: "name" | "symbol" | "MAX_SUPPLY") => publicClient.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName });
    expect(await Promise.all([read("name"), read("symbol"), read("MAX_SUPPLY"), totalSupply()])).toEqual(["Heurist Imaginaries", "IMAGINE", 500n, 0n]);
  });

  test("token ids start at 1 and count up", async () => {
    const first = eventOf(await mined(mint(alice)), imaginariesAbi, "Transfer");
    const second = eventOf(await mined(mint(bob)), imaginariesAbi, "Transfer");
    expect([first.tokenId, first.to, second.tokenId, second.to]).toEqual([1n, alice, 2n, bob]);
    expect(await publicClient.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "ownerOf", args: [2n] })).toBe(bob);
    expect(await publicClient.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "balanceOf", args: [alice] })).toBe(1n);
    expect(await totalSupply()).toBe(2n);
  });

  test("only the owner mints", async () => {
    await expectRevert(mint(alice, alice), "OwnableUnauthorizedAccount", [alice]);
  });

  test("the 501st mint reverts MaxSupplyReached", async () => {
    // Send all 500 with explicit nonces and wait for the last: one block each, no per-tx round trip.
    const nonce = await publicClient.getTransactionCount({ address: owner });
    const hashes: Hash[] = [];
    for (let i = 0; i < 500; i++) {
      hashes.push(
        await walletOf(owner).writeContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "mint", args: [i % 2 ? bob : alice], nonce: nonce + i, gas: 200_000n }),
      );
    }
    const receipts = await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
    expect(receipts.every((r) => r.status === "success")).toBe(true);
    expect(await totalSupply()).toBe(500n);
    expect(await publicClient.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "ownerOf", args: [500n] })).toBe(bob);
    await expectRevert(mint(), "MaxSupplyReached", []);
    expect(await totalSupply()).toBe(500n);
  });
});
