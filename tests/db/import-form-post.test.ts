// The answers of imports posted without JavaScript, kept for the page /import?report=<id>: only
// their editor reads them back, and only for a day.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { findImportReport, IMPORT_REPORT_TTL_HOURS, saveImportReport } from "@/lib/import/form-post-report";
import { useTestDb } from "./test-database";

let db: Db;
let editor: string;
let colleague: string;

beforeAll(async () => {
  db = await useTestDb();
  editor = (await db.user.create({ data: { email: "report-editor@example.org", name: "Editor", role: "editor" } })).id;
  colleague = (await db.user.create({ data: { email: "report-colleague@example.org", name: "Colleague", role: "editor" } })).id;
});

const refused = {
  status: 422,
  body: { imported: false, rows: 2, invalidRows: 1, errors: [{ row: 1, column: "value_min" }], errorCount: 1 },
};

describe("import reports", () => {
  it("gives the stored answer back to its editor, as stored", async () => {
    const id = await saveImportReport(db, editor, refused);
    expect(await findImportReport(db, editor, id)).toEqual(refused);
  });

  it("shows nobody else's report, and answers null to an id that is not one", async () => {
    const id = await saveImportReport(db, editor, refused);
    expect(await findImportReport(db, colleague, id)).toBeNull();
    expect(await findImportReport(db, editor, "not-a-uuid")).toBeNull();
    expect(await findImportReport(db, editor, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("keeps a report for a day: an older one is not shown, and the next save deletes it", async () => {
    const old = await saveImportReport(db, editor, { status: 400, body: { error: { message: "Choose a CSV file to import." } } });
    const kept = await saveImportReport(db, editor, refused);
    await db.importReport.update({
      where: { id: old },
      data: { createdAt: new Date(Date.now() - (IMPORT_REPORT_TTL_HOURS + 1) * 3600_000) },
    });
    expect(await findImportReport(db, editor, old)).toBeNull();
    await saveImportReport(db, colleague, refused);
    expect(await db.importReport.count({ where: { id: old } })).toBe(0);
    expect(await findImportReport(db, editor, kept)).toEqual(refused);
  });

  it("goes with its editor when the account is deleted", async () => {
    const leaver = (await db.user.create({ data: { email: "report-leaver@example.org", name: "Leaver", role: "editor" } })).id;
    const id = await saveImportReport(db, leaver, refused);
    await db.user.delete({ where: { id: leaver } });
    expect(await db.importReport.count({ where: { id } })).toBe(0);
  });
});
