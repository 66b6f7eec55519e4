// A direct connection to the database of the app under test (its embedded PostgreSQL records
// its address in the e2e data folder's instance.json), for states no page can create quickly.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** A connected client; the caller ends it. */
export async function openAppDatabase(): Promise<pg.Client> {
  const instance = JSON.parse(fs.readFileSync(path.resolve("tests", ".tmp", "e2e-data", "instance.json"), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: instance.url });
  await client.connect();
  return client;
}

export async function withAppDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await openAppDatabase();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
