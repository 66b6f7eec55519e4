// A direct connection to the database of the app under test (its embedded PostgreSQL records
// its address in the e2e data folder's instance.json), for states no page can create quickly.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export async function withAppDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const instance = JSON.parse(fs.readFileSync(path.resolve("tests", ".tmp", "e2e-data", "instance.json"), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: instance.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
