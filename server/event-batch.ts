/**
 * The writes of many event streams, batched with a leading edge: an event to a stream that has not
 * been written to for `interval` ms goes out at once; events that follow within that time wait and go
 * out together when it ends. A quiet stream hears each event without delay, and a busy one costs at
 * most one write per interval instead of one per event: with 500 streams, each event is 500 chunks
 * through the responses' streams and 500 socket writes, which is what the server's CPU went to
 * (bench/README.md, "Live event streams"). One timer for all the streams, not one per stream.
 */
export type BatchedStream = { pending: Uint8Array[]; lastWrite: number; write(bytes: Uint8Array): void };

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class WriteBatcher {
  private waiting = new Set<BatchedStream>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly interval: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  stream(write: (bytes: Uint8Array) => void): BatchedStream {
    return { pending: [], lastWrite: -Infinity, write };
  }

  send(s: BatchedStream, bytes: Uint8Array) {
    const interval = this.interval();
    const now = this.now();
    if (!s.pending.length && now - s.lastWrite >= interval) {
      s.lastWrite = now;
      s.write(bytes);
      return;
    }
    s.pending.push(bytes);
    this.waiting.add(s);
    this.timer ??= setTimeout(() => this.flushAll(), Math.max(1, interval - (now - s.lastWrite)));
  }

  /** What a stream holds back, written now (before a heartbeat or its end, so the order stays). */
  flush(s: BatchedStream) {
    this.waiting.delete(s);
    if (!s.pending.length) return;
    s.lastWrite = this.now();
    s.write(concatBytes(s.pending.splice(0)));
  }

  private flushAll() {
    this.timer = undefined;
    const streams = [...this.waiting];
    this.waiting.clear();
    for (const s of streams) this.flush(s);
  }
}
