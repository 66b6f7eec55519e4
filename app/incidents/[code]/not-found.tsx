export default function IncidentNotFound() {
  return (
    <main>
      <h1>Incident not found</h1>
      <p>No incident has this code. It may have been mistyped, or the link may be from another Triangulate.</p>
      <p>
        <a href="/">Back to all incidents</a>
      </p>
    </main>
  );
}
