/**
 * Crash safety on the embedded database: a server killed with SIGKILL in the middle of a stream of
 * writes restarts on the same data directory (taking over the dead process's lock), and every write
 * it acknowledged is there, with its activity record. A live server's lock is respected.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { signInContext } from "./support/http";
import { exited, startServer as start, waitHealthy } from "./support/server";

test.setTimeout(300_000);

const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const baseURL = `http://127.0.0.1:${port}`;
const startServer = (dataDir: string) => start(port, { dataDir });
test("SIGKILL in the middle of writes loses no acknowledged write, and the restart takes over the lock", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-crash-"));
  const first = startServer(dataDir);
  await waitHealthy(first);

  // A live server's lock is respected: a second server on the same directory stops, naming it.
  const second = startServer(dataDir);
  expect(await exited(second.proc)).not.toBe(0);
  expect(second.output()).toMatch(/in use|locked/i);

  const api = await signInContext(baseURL, "manager@unodc.example");
  const me = (await (await api.get("/api/v1/me")).json()) as { organisationId: string };
  const areaId = ((await (await api.get("/api/v1/priority-areas")).json()) as { items: { id: string }[] }).items[0]!.id;

  // Four writers stream follow-ups; the server is killed while they are in flight.
  const acknowledged: string[] = [];
  let stop = false;
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await api.post("/api/v1/follow-ups", { data: { title: `Crash test ${w}-${i}`, priorityAreaId: areaId, ownerOrganisationId: me.organisationId } });
        if (res.status() === 201) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        return; // the connection died with the server
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
  process.kill(-first.proc.pid!, "SIGKILL");
  stop = true;
  await Promise.all(writers);
  await exited(first.proc);
  expect(fs.existsSync(path.join(dataDir, "pgdata")), "the data directory survives").toBe(true);

  // Restart on the same directory: the dead process's lock is taken over.
  const restarted = startServer(dataDir);
  try {
    await waitHealthy(restarted);
    const again = await signInContext(baseURL, "manager@unodc.example");
    for (const id of acknowledged) {
      const res = await again.get(`/api/v1/follow-ups/${id}`);
      expect(res.status(), `acknowledged follow-up ${id} after the crash`).toBe(200);
      const history = (await (await again.get(`/api/v1/follow-ups/${id}/activity`)).json()) as { items: unknown[] };
      expect(history.items.length, `its activity record (written in the same transaction)`).toBeGreaterThan(0);
    }
    // The database is consistent: every follow-up of the stream has its "created" activity, none half-written.
    const list = (await (await again.get("/api/v1/follow-ups?q=Crash%20test&limit=200")).json()) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThanOrEqual(acknowledged.length);
    for (const { id } of list.items) expect(((await (await again.get(`/api/v1/follow-ups/${id}/activity`)).json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    await again.dispose();
  } finally {
    await restarted.stop();
    await api.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
