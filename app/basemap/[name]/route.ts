// The offline basemap: Natural Earth country outlines from the world-atlas package (TopoJSON,
// ~108 kB at 1:110m, ~756 kB at 1:50m), served from our own origin so the map needs no internet.
// Built once as static files: the data only changes when the package does.
import { readFile } from "node:fs/promises";
import path from "node:path";

const FILES = ["countries-110m.json", "countries-50m.json"] as const;

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return FILES.map((name) => ({ name }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!(FILES as readonly string[]).includes(name)) return new Response("Not found", { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "world-atlas", name));
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=86400" } });
}
