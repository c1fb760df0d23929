/**
 * Creating a PGlite data directory (initdb in WebAssembly) takes most of the time of opening one.
 * It is done once per run: a migrated, seeded directory that each test file copies and opens.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-template-"));
  const database = await openDatabase({ dataDir: template });
  try {
    await database.migrate();
    if (!(await seedDemoData(database.db))) throw new Error("the demo data was not written into a new database");
  } finally {
    await database.close();
  }
  project.provide("pgliteTemplate", path.join(template, "pgdata"));
  return () => fs.rmSync(template, { recursive: true, force: true });
}
