import "server-only";
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { meetingParticipants, meetings } from "@/db/schema";
import { canSeeFollowUp, canSeeMeeting, type MeetingFacts, type Viewer } from "@/lib/policy";

/**
 * Live events: a record changed and has a new version. Written with the change's transaction as a
 * PostgreSQL NOTIFY (PGlite keeps the same rule), so every instance LISTENing hears it only once
 * the transaction has committed, and never if it rolled back. Each instance keeps the recent ones
 * to replay after a reconnect, and hands each to the streams whose viewer may see the record:
 * the policy decides per subscriber, on the server. The client then refetches through the API.
 *
 * An event carries the visibility facts of its meeting (read in the change's own transaction), so
 * handing it out costs no statement: one listener per process fans it out in memory, and each
 * stream's filter is the policy asked on the viewer it holds. Only when a restricted meeting has
 * so many participants that the payload would pass NOTIFY's 8,000 bytes are the facts left out and
 * read once, after the commit.
 */
export type LiveEvent =
  | { t: "follow_up"; id: string; v: number; m: string | null; f?: MeetingFacts | null }
  | { t: "meeting"; id: string; v: number; f?: MeetingFacts | null }
  /** A notification for user u: only their streams hear it (the bell refetches its count). */
  | { t: "notification"; u: string };

export const EVENTS_CHANNEL = "tracker_events";
/** NOTIFY refuses payloads of 8,000 bytes or more. */
const MAX_PAYLOAD = 7_900;

/** Sends an event with the caller's transaction; it leaves only if that commits. */
export async function emitEvent(tx: Db, event: LiveEvent) {
  let payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD && "f" in event) {
    const { f: _facts, ...rest } = event;
    payload = JSON.stringify(rest);
  }
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`);
}

export type Subscriber = {
  viewer: Viewer;
  /** Writes one server-sent event. */
  send(id: string, name: string, data: string): void;
};

type Buffered = { seq: number; event: LiveEvent; at: number; facts?: MeetingFacts | null };

/** How many events, and for how long, an instance keeps for a reconnecting stream to catch up on. */
export const REPLAY_EVENTS = 5_000;
export const REPLAY_MS = 10 * 60_000;

type Work = () => void | Promise<void>;

export class EventHub {
  /** Event ids are "<instance>:<seq>": a stream that reconnects to another instance is told to refetch. */
  readonly instance = crypto.randomBytes(4).toString("hex");
  private seq = 0;
  private buffer: Buffered[] = [];
  private readonly subscribers = new Set<Subscriber>();
  /**
   * Deliveries and replays run one after another, so a stream sees events in order, none twice.
   * They run at once, synchronously, unless an event must first read its meeting (the rare
   * oversized one): only then do the later ones wait in this queue.
   */
  private readonly queue: Work[] = [];
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private listening: Promise<() => Promise<void>> | null = null;

  constructor(private readonly db: Db) {}

  /** LISTENs once; later calls share it. */
  start(listen: Database["listen"]) {
    this.listening ??= listen(EVENTS_CHANNEL, (payload) => this.receive(payload));
    return this.listening;
  }

  async stop() {
    const unlisten = await this.listening;
    this.listening = null;
    await unlisten?.();
  }

  get size() {
    return this.subscribers.size;
  }

  receive(payload: string) {
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    const entry: Buffered = { seq: ++this.seq, event, at: Date.now() };
    this.buffer.push(entry);
    const cutoff = Date.now() - REPLAY_MS;
    while (this.buffer.length > REPLAY_EVENTS || (this.buffer[0] && this.buffer[0].at < cutoff)) this.buffer.shift();
    this.enqueue(() => this.deliver(entry, this.subscribers));
  }

  /**
   * Adds a stream. With the id of the last event it saw, it first gets what it missed, if this
   * instance still has all of it; otherwise a "reset" (refetch everything), then live events.
   */
  subscribe(sub: Subscriber, lastEventId?: string | null) {
    this.enqueue(() => {
      if (lastEventId) {
        const [instance, n] = lastEventId.split(":");
        const last = Number(n);
        const first = this.buffer[0]?.seq ?? this.seq + 1;
        if (instance !== this.instance || !Number.isInteger(last) || last > this.seq || last < first - 1) {
          sub.send(`${this.instance}:${this.seq}`, "reset", "{}");
        } else {
          // Every buffered event before this point has been delivered, so its facts are known.
          for (const entry of this.buffer) if (entry.seq > last) void this.deliver(entry, [sub]);
        }
      }
      this.subscribers.add(sub);
    });
  }

  unsubscribe(sub: Subscriber) {
    this.subscribers.delete(sub);
  }

  /** Resolves when everything received so far has been handed out (for tests). */
  async settled() {
    let idle;
    do {
      idle = this.idle;
      await idle;
    } while (idle !== this.idle);
  }

  private enqueue(work: Work) {
    this.queue.push(work);
    if (!this.running) this.idle = this.drain();
  }

  /** Runs the queue; synchronous work runs on the spot (an async function runs synchronously until its first await). */
  private async drain() {
    this.running = true;
    try {
      while (this.queue.length) {
        const work = this.queue.shift()!;
        try {
          const pending = work();
          if (pending) await pending;
        } catch (e) {
          console.error("live events:", e);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** Hands one event to the given streams; a promise only when its meeting's facts must be read. */
  private deliver(entry: Buffered, to: Iterable<Subscriber>): void | Promise<void> {
    const { event } = entry;
    const id = `${this.instance}:${entry.seq}`;
    if (event.t === "notification") {
      for (const s of to) if (s.viewer.id === event.u) s.send(id, "notification", "{}");
      return;
    }
    const meetingId = event.t === "meeting" ? event.id : event.m;
    if (!meetingId) entry.facts = null;
    else if ("f" in event) entry.facts = event.f ?? null;
    if (entry.facts === undefined) {
      return meetingFacts(this.db, meetingId!).then((facts) => {
        entry.facts = facts;
        this.fanOut(entry, id, to);
      });
    }
    this.fanOut(entry, id, to);
  }

  private fanOut(entry: Buffered, id: string, to: Iterable<Subscriber>) {
    const { event, facts } = entry;
    if (event.t === "notification") return;
    const meetingId = event.t === "meeting" ? event.id : event.m;
    if (meetingId && !facts) return; // deleted since: nobody is told about it
    const data = JSON.stringify({ id: event.id, version: event.v });
    for (const s of to) {
      const visible = event.t === "meeting" ? canSeeMeeting(s.viewer, facts!) : canSeeFollowUp(s.viewer, facts ?? null);
      if (visible) s.send(id, event.t, data);
    }
  }
}

export async function meetingFacts(db: Db, meetingId: string): Promise<MeetingFacts | null> {
  const [m] = await db
    .select({ visibility: meetings.visibility, createdById: meetings.createdById, hostOrganisationId: meetings.hostOrganisationId })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!m) return null;
  const participants = m.visibility === "restricted"
    ? (await db.select({ id: meetingParticipants.organisationId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId))).map((p) => p.id)
    : [];
  return { ...m, participantOrganisationIds: participants };
}
