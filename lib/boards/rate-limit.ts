/*
 * Per-socket limits of the board protocol. A token bucket lets a burst through (pasting a list,
 * resending what piled up offline) and then holds a person to a steady rate; the client paces
 * itself slightly below it (lib/realtime/client.ts) and retries refused ops after a pause.
 */

export const BOARD_OPS_BURST = 50;
export const BOARD_OPS_PER_SECOND = 50;
/** One serialised board:op message at most (a card's 2,000 characters take up to 8 KB in UTF-8). */
export const BOARD_OP_MAX_BYTES = 16 * 1024;
/** Cursor and follow messages closer together than this are dropped. */
export const CURSOR_MIN_INTERVAL_MS = 30;
/** A client further behind than this gets a fresh snapshot instead of the missed events. */
export const REPLAY_MAX_EVENTS = 500;

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.at = now();
  }

  /** Takes a token if one is left. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Bytes of a payload as it goes over the wire (JSON, UTF-8). */
export function payloadBytes(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? "", "utf8");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
