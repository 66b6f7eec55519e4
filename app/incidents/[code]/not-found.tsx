import Link from "next/link";
export default function IncidentNotFound() {
  return (
    <main>
      <h1>Incident not found</h1>
      <p>No incident has this code. It may have been mistyped, or the link may be from another Triangulate.</p>
      <p>
        <Link href="/">Back to all incidents</Link>
      </p>
    </main>
  );
}
