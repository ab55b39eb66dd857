import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, test, vi } from "vitest";
import { forAtMost } from "./chunk";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const abortReason = (signal: AbortSignal) => new Promise<string>((resolve) => signal.addEventListener("abort", () => resolve((signal.reason as Error).name), { once: true }));

describe("forAtMost", () => {
  // With AbortSignal.any([parent, AbortSignal.timeout(ms)]) this never resolves: the collector takes
  // the timeout signal before it fires, and the test times out.
  test("the deadline fires while the garbage collector runs", async () => {
    const collecting = setInterval(gc, 5);
    try {
      await expect(forAtMost(new AbortController().signal, 100, abortReason)).resolves.toBe("TimeoutError");
    } finally {
      clearInterval(collecting);
    }
  });

  test("the parent's abort (shutdown) reaches the task before the deadline", async () => {
    const parent = new AbortController();
    const running = forAtMost(parent.signal, 60_000, abortReason);
    parent.abort(new DOMException("worker stopping", "AbortError"));
    await expect(running).resolves.toBe("AbortError");
  });

  test("the result is returned and no timer is left behind when the task ends first", async () => {
    vi.useFakeTimers();
    try {
      let seen: AbortSignal | undefined;
      await expect(forAtMost(new AbortController().signal, 50, async (s) => ((seen = s), 42))).resolves.toBe(42);
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(1_000);
      expect(seen?.aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
