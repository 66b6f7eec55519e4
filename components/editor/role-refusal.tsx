export function RoleRefusal({ role, title }: { role: string; title: string }) {
  return (
    <main className="narrow">
      <h1>{title}</h1>
      <p role="alert" className="form-error">
        This page needs the {role} role. Ask an admin if you should have it.
      </p>
    </main>
  );
}
