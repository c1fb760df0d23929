import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WriteBatcher } from "@/server/event-batch";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (writes: Uint8Array[]) => writes.map((w) => new TextDecoder().decode(w));

describe("event stream writes, batched with a leading edge", () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000;
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it("writes the first event at once and the ones that follow within the interval as one chunk", () => {
    const batcher = new WriteBatcher(() => 250, () => now);
    const writes: Uint8Array[] = [];
    const s = batcher.stream((b) => writes.push(b));
    batcher.send(s, bytes("a"));
    expect(text(writes)).toEqual(["a"]);
    advance(10);
    batcher.send(s, bytes("b"));
    advance(10);
    batcher.send(s, bytes("c"));
    expect(text(writes)).toEqual(["a"]);
    advance(229);
    expect(text(writes)).toEqual(["a"]);
    advance(1);
    expect(text(writes)).toEqual(["a", "bc"]);
    // Quiet for a whole interval after that write: the next event goes out at once again.
    advance(250);
    batcher.send(s, bytes("d"));
    expect(text(writes)).toEqual(["a", "bc", "d"]);
  });

  it("keeps the order when a heartbeat or the end flushes what was held back", () => {
    const batcher = new WriteBatcher(() => 250, () => now);
    const writes: Uint8Array[] = [];
    const s = batcher.stream((b) => writes.push(b));
    batcher.send(s, bytes("a"));
    batcher.send(s, bytes("b"));
    batcher.flush(s);
    s.write(bytes(": heartbeat"));
    advance(300);
    expect(text(writes)).toEqual(["a", "b", ": heartbeat"]);
  });

  it("flushes many streams with one timer, each stream its own chunk", () => {
    const batcher = new WriteBatcher(() => 100, () => now);
    const spy = vi.spyOn(globalThis, "setTimeout");
    const got = Array.from({ length: 50 }, () => [] as Uint8Array[]);
    const streams = got.map((w) => batcher.stream((b) => w.push(b)));
    for (const e of ["1", "2", "3"]) for (const s of streams) batcher.send(s, bytes(e));
    expect(spy).toHaveBeenCalledTimes(1);
    advance(100);
    for (const w of got) expect(text(w)).toEqual(["1", "23"]);
    spy.mockRestore();
  });

  it("writes every event at once with an interval of 0", () => {
    const batcher = new WriteBatcher(() => 0, () => now);
    const writes: Uint8Array[] = [];
    const s = batcher.stream((b) => writes.push(b));
    for (const e of ["a", "b", "c"]) batcher.send(s, bytes(e));
    expect(text(writes)).toEqual(["a", "b", "c"]);
  });
});
