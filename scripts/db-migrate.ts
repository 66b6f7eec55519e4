// `npm run db:migrate`: applies the committed migrations to DATABASE_URL, or to the embedded
// database (the running app's, or one started for the occasion).
import { withCliDatabase } from "@/lib/db/cli-database";
import { migrateDeploy } from "@/lib/db/migrate";

await withCliDatabase(async (url) => {
  await migrateDeploy(url);
  console.log("Migrations applied.");
});
