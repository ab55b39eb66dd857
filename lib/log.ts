// The one logger: JSON lines (pino) on stdout. Not under lib/server because the front server
// (scripts/serve.ts, which runs outside the react-server condition) logs through it too; it holds
// no secrets. Kept on globalThis so Next's bundle, the front server and dev reloads share one.
import pino, { type Logger } from "pino";
import { opsEnv } from "./env";

interface Sink {
  write(line: string): void;
}

const state = globalThis as unknown as { heuristLog?: { logger: Logger; sink: Sink } };

/** LOG_LEVEL; info while the settings are invalid, so the start-up check can log what is wrong before it stops the process. */
function logLevel(): string {
  try {
    return opsEnv().LOG_LEVEL;
  } catch {
    return "info";
  }
}

function create(): { logger: Logger; sink: Sink } {
  const holder = { logger: undefined as unknown as Logger, sink: pino.destination({ dest: 1, sync: true }) as Sink };
  holder.logger = pino(
    {
      level: logLevel(),
      // "level":"info" rather than 30, and an ISO time: readable without pino-pretty.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Indirect, so a test can point the same logger at its own sink.
    { write: (line: string) => holder.sink.write(line) },
  );
  return holder;
}

function current() {
  state.heuristLog ??= create();
  return state.heuristLog;
}

/** The process's logger; `log().child({ component })` for a subsystem. */
export function log(): Logger {
  return current().logger;
}

/** Test only: send every line at `level` or above to `sink` until the returned function restores stdout and the level. */
export function setLogSinkForTests(sink: Sink, level = "info"): () => void {
  const holder = current();
  const previous = { sink: holder.sink, level: holder.logger.level };
  holder.sink = sink;
  holder.logger.level = level;
  return () => {
    holder.sink = previous.sink;
    holder.logger.level = previous.level;
  };
}
