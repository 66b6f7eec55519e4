import type { Metadata } from "next";
import { listIncidents } from "@/lib/incidents/incident-queries";
import { IncidentCard } from "./incident-card";

export const metadata: Metadata = { title: { absolute: "Incidents · Triangulate" } };
// Figures change whenever an editor saves; always read the stored ones.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { items, nextCursor } = await listIncidents({ limit: 50 });
  return (
    <main>
      <h1>Incidents</h1>
      <p className="lede">
        Each incident shows its headline figure — people killed, all categories — and the reconciled low / best / high for every metric and
        category its sources report.
      </p>
      {items.length === 0 ? (
        <p className="empty">No incidents recorded yet.</p>
      ) : (
        <ul className="incident-list" aria-label="Incidents">
          {items.map((item) => (
            <li key={item.code}>
              <IncidentCard item={item} />
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? <p className="meta">Showing the 50 most recent incidents.</p> : null}
    </main>
  );
}
