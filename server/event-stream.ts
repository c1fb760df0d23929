import "server-only";
import { database } from "@/db/connection";
import { aliveSessions } from "@/db/queries/sessions";
import { loadViewer } from "@/db/queries/users";
import { env } from "@/server/env";
import { WriteBatcher } from "@/server/event-batch";
import { EventHub, type Subscriber } from "@/server/events";
import type { Viewer } from "@/lib/policy";

// One hub per server process, shared by every route bundle through globalThis (like the database).
const g = globalThis as typeof globalThis & { __trackerEventHub?: Promise<EventHub> };

export function eventHub(): Promise<EventHub> {
  g.__trackerEventHub ??= (async () => {
    const d = await database();
    const hub = new EventHub(d.db);
    await hub.start(d.listen);
    return hub;
  })();
  g.__trackerEventHub.catch(() => (g.__trackerEventHub = undefined));
  return g.__trackerEventHub;
}

/** A comment line every this often keeps proxies from closing an idle stream, and re-checks the sessions. */
export const HEARTBEAT_MS = 15_000;

type Open = { sessionId: string; sub: Subscriber; heartbeat(): void; end(): void };
const g2 = globalThis as typeof globalThis & { __trackerStreams?: Set<Open>; __trackerHeartbeat?: ReturnType<typeof setInterval> };
const open = (g2.__trackerStreams ??= new Set());

/**
 * One heartbeat for all of this process's streams: one statement checks every session, and each
 * user's viewer is re-read once (a changed role or organisation changes what reaches them), not
 * once per stream — 500 streams cost two statements a beat, not a thousand.
 */
async function beat() {
  if (!open.size) return;
  const { db } = await database();
  const { SESSION_IDLE_MINUTES: idleMinutes, SESSION_MAX_HOURS: maxHours } = env();
  const streams = [...open];
  const alive = await aliveSessions(db, [...new Set(streams.map((s) => s.sessionId))], { idleMinutes, maxHours });
  const viewers = new Map<string, Viewer | null>();
  for (const userId of new Set(streams.filter((s) => alive.has(s.sessionId)).map((s) => s.sub.viewer.id))) viewers.set(userId, await loadViewer(db, userId));
  for (const s of streams) {
    const fresh = alive.has(s.sessionId) ? viewers.get(s.sub.viewer.id) : null;
    if (!fresh) s.end();
    else {
      s.sub.viewer = fresh;
      s.heartbeat();
    }
  }
}
function startHeartbeat() {
  g2.__trackerHeartbeat ??= setInterval(() => void beat().catch((e: unknown) => console.error("event stream heartbeat:", e)), HEARTBEAT_MS);
  g2.__trackerHeartbeat.unref?.();
}

const HEARTBEAT = new TextEncoder().encode(": heartbeat\n\n");

/**
 * An event's bytes, the same for every stream that may see it: the hub hands one event to all of
 * them in one synchronous loop, so the last frame is kept and 500 streams cost one encoding, not
 * 500 strings and 500 encodings. (The bytes are only read: each stream's response writes them out.)
 */
let last: { id: string; name: string; data: string; bytes: Uint8Array } | undefined;
function frame(id: string, name: string, data: string) {
  if (last?.id !== id || last.name !== name || last.data !== data) last = { id, name, data, bytes: new TextEncoder().encode(`id: ${id}\nevent: ${name}\ndata: ${data}\n\n`) };
  return last.bytes;
}

const batcher = new WriteBatcher(() => env().EVENTS_BATCH_MS);

/**
 * GET /api/v1/events: the viewer's stream of server-sent events. Once its session has ended
 * (sign-out, timeout, deactivation) the stream says "end" and closes, at the next heartbeat.
 */
export async function eventStream(req: Request, viewer: Viewer, sessionId: string): Promise<Response> {
  const hub = await eventHub();
  const encoder = new TextEncoder();
  let entry: Open | undefined;
  let sub: Subscriber | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        if (entry) open.delete(entry);
        if (sub) hub.unsubscribe(sub);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const writeBytes = (bytes: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(bytes);
        } catch {
          close();
        }
      };
      const write = (text: string) => writeBytes(encoder.encode(text));
      const batched = batcher.stream(writeBytes);
      // retry: how long the browser waits before reconnecting (with Last-Event-ID).
      write(`retry: 2000\n: connected ${hub.instance}\n\n`);
      sub = { viewer, send: (id, name, data) => batcher.send(batched, frame(id, name, data)) };
      hub.subscribe(sub, req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("lastEventId"));
      entry = {
        sessionId,
        sub,
        heartbeat: () => {
          batcher.flush(batched);
          writeBytes(HEARTBEAT);
        },
        end: () => {
          batcher.flush(batched);
          write("event: end\ndata: {}\n\n");
          close();
        },
      };
      open.add(entry);
      startHeartbeat();
      req.signal.addEventListener("abort", close);
    },
    cancel() {
      closed = true;
      if (entry) open.delete(entry);
      if (sub) hub.unsubscribe(sub);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: the server's gzip would hold events back until a buffer fills.
      "cache-control": "no-cache, no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
