// The event streams of `scripts/load.mts --streams N`, in a process of their own, so that reading them
// (≈ 1,000 events a second) does not slow the load generator's event loop: the throughput measured with
// streams is then the server's, not the client's. Told {base, cookies, n} it opens n streams (spread over
// the cookies) and answers {opened}; every 250 ms it sends the deliveries it saw, [id:version, time] with
// time as performance.timeOrigin + performance.now() (comparable across processes), only the first per
// stream and key; told {close} it closes them and exits.
type Start = { base: string; cookies: string[]; n: number };
const aborts: AbortController[] = [];
let pending: [string, number][] = [];

async function openStream(base: string, cookie: string) {
  const ctl = new AbortController();
  aborts.push(ctl);
  const res = await fetch(`${base}/api/v1/events`, { headers: { cookie, accept: "text/event-stream" }, signal: ctl.signal });
  if (res.status !== 200) throw new Error(`event stream: HTTP ${res.status}`);
  // A comment does not change a follow-up's version, so its event repeats the id and version of the
  // last status change: only the first event for each id and version on this stream is that change's.
  const seen = new Set<string>();
  void (async () => {
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += dec.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!message.includes("event: follow_up")) continue;
          const at = performance.timeOrigin + performance.now();
          const { id, version } = JSON.parse(message.slice(message.indexOf("data: ") + 6)) as { id: string; version: number };
          const key = `${id}:${version}`;
          if (seen.has(key)) continue;
          seen.add(key);
          pending.push([key, at]);
        }
      }
    } catch {
      // closed at the end
    }
  })();
}

const flush = setInterval(() => {
  if (!pending.length) return;
  process.send!({ deliveries: pending });
  pending = [];
}, 250);

process.on("message", async (m: Start | { close: true }) => {
  if ("close" in m) {
    clearInterval(flush);
    if (pending.length) process.send!({ deliveries: pending });
    for (const c of aborts) c.abort();
    process.send!({ closed: true }, () => process.exit(0));
    return;
  }
  for (let i = 0; i < m.n; i++) await openStream(m.base, m.cookies[i % m.cookies.length]!);
  process.send!({ opened: m.n });
});
