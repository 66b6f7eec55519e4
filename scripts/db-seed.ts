// `npm run db:seed`: loads the Kobé seed (idempotent: running it again changes nothing).
import { createPrismaClient } from "@/lib/db";
import { withCliDatabase } from "@/lib/db/cli-database";
import { migrateDeploy } from "@/lib/db/migrate";
import { seedKobe } from "@/lib/seed/seed-database";

await withCliDatabase(async (url) => {
  await migrateDeploy(url, { quiet: true });
  const db = createPrismaClient(url);
  try {
    const report = await seedKobe(db);
    console.log(`Seed loaded: ${report.incidentsCreated} incident(s) and ${report.claimsCreated} claim(s) created.`);
  } finally {
    await db.$disconnect();
  }
});
