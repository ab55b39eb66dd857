// How far the data a page read trails the primary, and the sentence the wallet and miner pages show
// when it trails by more than a moment. Pure: the server reads the replica's state (lib/server/read-as-of.ts).

/** The time the data read is as of, and how far it trails the database server's clock. */
export interface ReadAsOf {
  /** ISO time the data is as of; the server's time when nothing lags. */
  asOf: string;
  /** Seconds behind; 0 on the primary or a caught-up replica; null when a lagging replica cannot say (nothing replayed since it started). */
  lagSeconds: number | null;
  /** The data came from a read replica (DATABASE_READ_URL). */
  replica: boolean;
  /**
   * When the oldest batch not yet folded into the rollups was written (decision 0024): totals,
   * hourly and daily figures lack the jobs since then. Null when nothing waits.
   */
  pendingSince?: string | null;
}

/** What a standby reports about itself: `SELECT now(), pg_last_xact_replay_timestamp(), receive LSN = replay LSN`. */
export interface StandbyState {
  now: Date;
  /** Commit time (on the primary) of the last transaction replayed; null before the first since start-up. */
  replayedAt: Date | null;
  /** Everything received has been replayed; null when nothing was ever streamed. */
  caughtUp: boolean | null;
}

/**
 * A caught-up standby's data is as of now (it may have replayed its last commit long ago when the
 * primary had nothing to write). One that has WAL left to replay is as of its last replayed commit.
 */
export function standbyAsOf(s: StandbyState): ReadAsOf {
  if (s.caughtUp === true) return { asOf: s.now.toISOString(), lagSeconds: 0, replica: true };
  if (!s.replayedAt) return { asOf: s.now.toISOString(), lagSeconds: null, replica: true };
  const lag = Math.max(0, Math.round((s.now.getTime() - s.replayedAt.getTime()) / 1000));
  return { asOf: (lag === 0 ? s.now : s.replayedAt).toISOString(), lagSeconds: lag, replica: true };
}

/** Below this the lag is the replica's ordinary second and pages say nothing. */
export const LAG_NOTE_SECONDS = 5;

function duration(sec: number): string {
  if (sec < 120) return `${sec} s`;
  if (sec < 7200) return `${Math.floor(sec / 60)} min`;
  if (sec < 172_800) return `${Math.floor(sec / 3600)} h`;
  return `${Math.floor(sec / 86_400)} days`;
}

/** "17:42:10 UTC", with the date in front when it is not `now`'s UTC day. */
function clock(iso: string, now: Date): string {
  const t = new Date(iso).toISOString();
  const time = `${t.slice(11, 19)} UTC`;
  return t.slice(0, 10) === now.toISOString().slice(0, 10) ? time : `${t.slice(0, 10)} ${time}`;
}

/**
 * "Data as of 17:42:10 UTC (replica 12 s behind)", "Totals as of 17:42:10 UTC (jobs of the last
 * 40 s are still being added)", or null when the data is (nearly) current.
 */
export function lagNote(r: ReadAsOf, now: Date, minSeconds = LAG_NOTE_SECONDS): string | null {
  const replicaNote = replicaLagNote(r, now, minSeconds);
  if (replicaNote || !r.pendingSince) return replicaNote;
  const behind = Math.round((now.getTime() - new Date(r.pendingSince).getTime()) / 1000);
  return behind < minSeconds ? null : `Totals as of ${clock(r.pendingSince, now)} (jobs of the last ${duration(behind)} are still being added)`;
}

function replicaLagNote(r: ReadAsOf, now: Date, minSeconds: number): string | null {
  if (!r.replica) return null;
  if (r.lagSeconds === null) return "Data from a read replica that is catching up; how far behind it is is not known yet";
  if (r.lagSeconds < minSeconds) return null;
  return `Data as of ${clock(r.asOf, now)} (replica ${duration(r.lagSeconds)} behind)`;
}
