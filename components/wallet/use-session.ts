"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { createSiweMessage } from "viem/siwe";
import { useSignMessage } from "wagmi";
import type { SessionState } from "@/lib/schemas/auth";

export interface Session {
  address: string;
  chainId: number;
  expiresAt: string;
}

async function readJson<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
  return body as T;
}

/** The server session (httpOnly cookie) and Sign-In with Ethereum against it. */
export function useSession() {
  const client = useQueryClient();
  const { signMessageAsync } = useSignMessage();
  const session = useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const state = await readJson<SessionState>(await fetch("/api/v1/auth/session", { cache: "no-store" }));
      return state.signedIn ? { address: state.address, chainId: state.chainId, expiresAt: state.expiresAt } : null;
    },
  });

  const signIn = useCallback(
    async (address: `0x${string}`, chainId: number) => {
      const { nonce } = await readJson<{ nonce: string }>(await fetch("/api/v1/auth/nonce", { cache: "no-store" }));
      const message = createSiweMessage({
        address,
        chainId,
        nonce,
        domain: window.location.host,
        uri: window.location.origin,
        version: "1",
        statement: "Sign in to Heurist Mining Points to manage your mining wallet.",
        issuedAt: new Date(),
        expirationTime: new Date(Date.now() + 10 * 60_000),
      });
      const signature = await signMessageAsync({ message });
      const res = await fetch("/api/v1/auth/verify", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message, signature }) });
      client.setQueryData(["session"], await readJson<Session>(res));
    },
    [client, signMessageAsync],
  );

  const signOut = useCallback(async () => {
    await fetch("/api/v1/auth/logout", { method: "POST" });
    client.setQueryData(["session"], null);
  }, [client]);

  return { session: session.data ?? null, loading: session.isLoading, signIn, signOut };
}
