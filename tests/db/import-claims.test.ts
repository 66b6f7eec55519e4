// Importing claims files: the round trip of an export, idempotency, malformed files, the
// statement parser, references, --valid-only and the audit record.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { addClaim, assessClaim, retractClaim, supersedeClaim } from "@/lib/claims/claim-commands";
import type { Db } from "@/lib/db";
import { CLAIMS_COLUMNS } from "@/lib/export/columns";
import { claimsSlice } from "@/lib/import/claims-import";
import { englishProblem } from "@/lib/import/row-problems";
import { createIncident, mergeIncidents } from "@/lib/incidents/incident-commands";
import { seedKobe } from "@/lib/seed/seed-database";
import { csvRecords, exportText } from "./export-support";
import { copyReferenceData, counts, csv, importText } from "./import-support";
import { useTestDb } from "./test-database";

const CODE = "MLI-2025-0001";
let source: Db;

/** Kobé plus the awkward cases: a superseded claim, a judgement, a retraction, hostile and multi-line text. */
async function richSource(db: Db) {
  await seedKobe(db);
  const witness = await db.source.create({ data: { slug: "survivor", name: "A survivor", kind: "witness" } });
  const { claim: first } = await addClaim(
    db,
    {
      incidentCode: CODE,
      claimantId: witness.id,
      metric: "missing",
      category: "civilians",
      valueMin: 5,
      valueMax: 5,
      qualifier: "exact",
      statement: 'She said "five, maybe more",\nfrom her village, were missing.',
      statedOn: "2025-02-10",
    },
    null,
  );
  await supersedeClaim(
    db,
    {
      claimId: first.id,
      expectedVersion: first.version,
      metric: "missing",
      category: "civilians",
      valueMin: 7,
      valueMax: 7,
      qualifier: "exact",
      statement: '=HYPERLINK("http://evil.example","7 missing")',
      statedOn: "2025-02-12",
    },
    null,
  );
  const government = await db.claim.findFirstOrThrow({ where: { claimant: { slug: "mali-government" }, metric: "injured" } });
  await assessClaim(
    db,
    {
      claimId: government.id,
      expectedVersion: government.version,
      assessment: "not_credible",
      reason: "Contradicted by hospital records.",
    },
    null,
  );
  const { claim: wrong } = await addClaim(
    db,
    {
      incidentCode: CODE,
      claimantId: witness.id,
      metric: "abducted",
      category: "civilians",
      valueMin: 2,
      valueMax: 2,
      qualifier: "exact",
      statement: "Two drivers were taken.",
    },
    null,
  );
  await retractClaim(db, { claimId: wrong.id, expectedVersion: wrong.version, reason: "Entered against the wrong incident." }, null);
}

beforeAll(async () => {
  source = await useTestDb();
  await richSource(source);
});

const withoutUpdatedAt = (text: string) => csvRecords(text).map(({ updated_at: _ignored, ...rest }) => rest);

describe("round trip", () => {
  it("export claims → import into a database without claims → export again: identical claims and figures", async () => {
    const claimsA = await exportText(source, "claims.csv");
    const figuresA = await exportText(source, "figures.csv");
    expect(claimsA).toContain("'=HYPERLINK"); // neutralised in the file…
    expect(claimsA).toContain('"She said ""five, maybe more"",\nfrom her village, were missing."');

    const target = await useTestDb();
    await copyReferenceData(source, target);
    const summary = await importText(target, "claims", claimsA);
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ imported: true, rows: 18, claimsCreated: 18, claimsSuperseded: 1, figuresRefreshed: 1 });

    // …and restored in the database.
    expect(await target.claim.count({ where: { statement: { startsWith: "=HYPERLINK" } } })).toBe(1);
    const claimsB = await exportText(target, "claims.csv");
    expect(claimsB).toBe(claimsA);
    expect(withoutUpdatedAt(await exportText(target, "figures.csv"))).toEqual(withoutUpdatedAt(figuresA));
    expect(csvRecords(figuresA).length).toBeGreaterThan(5);

    // Same file again: nothing new.
    const before = await counts(target);
    const again = await importText(target, "claims", claimsA);
    expect(again).toMatchObject({ imported: true, claimsCreated: 0, claimsAlreadyPresent: 18, claimsSuperseded: 0, figuresRefreshed: 0 });
    expect(again.incidentCodes).toEqual([]); // "Incidents with new claims": none
    expect(await counts(target)).toEqual({ ...before, audits: before.audits + 1 });
    expect(await exportText(target, "claims.csv")).toBe(claimsA);
  });
});

describe("a claims file written by hand", () => {
  let db: Db;
  beforeAll(async () => {
    db = await useTestDb();
    await seedKobe(db);
  });
  const header = [
    "incident_code",
    "metric",
    "category",
    "subgroup",
    "value_min",
    "value_max",
    "qualifier",
    "statement",
    "claimant",
    "claimant_kind",
    "document_title",
    "document_url",
    "stated_on",
  ] as const;

  it("fills metric and values from the statement, creates a new claimant and its document, and records the import", async () => {
    const text = csv(header, [
      [
        CODE,
        null,
        null,
        null,
        null,
        null,
        null,
        "At least 12 people were killed when the convoy was attacked.",
        "local-radio",
        "local_media",
        "Evening bulletin",
        "https://radio.example/bulletin",
        "2025-02-09",
      ],
      [
        CODE,
        "injured",
        "civilians",
        null,
        "40",
        null,
        null,
        "More than 40 passengers were wounded.",
        "local-radio",
        null,
        "Evening bulletin",
        null,
        "2025-02-09",
      ],
    ]);
    const summary = await importText(db, "claims", text, { fileName: "bulletin.csv" });
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ imported: true, claimsCreated: 2, sourcesCreated: ["local-radio"], documentsCreated: 1 });
    const parsed = await db.claim.findFirstOrThrow({ where: { claimant: { slug: "local-radio" }, metric: "killed" } });
    expect(parsed).toMatchObject({ category: "unspecified", valueMin: 12, valueMax: null, qualifier: "at_least" });
    const inferred = await db.claim.findFirstOrThrow({ where: { claimant: { slug: "local-radio" }, metric: "injured" } });
    expect(inferred).toMatchObject({ valueMin: 40, valueMax: null, qualifier: "at_least" });
    const radio = await db.source.findUniqueOrThrow({ where: { slug: "local-radio" } });
    expect(radio).toMatchObject({ kind: "local_media", name: "local-radio" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "import" }, orderBy: { id: "desc" } });
    expect(event.after).toMatchObject({ format: "claims", fileName: "bulletin.csv", rows: 2, claimsCreated: 2, user: "command line" });
  });

  it("fills a row from a French statement", async () => {
    const text = csv(header, [
      [
        CODE,
        null,
        null,
        null,
        null,
        null,
        null,
        "Au moins 20 personnes ont été tuées lors de l'attaque du convoi, selon des sources locales.",
        "radio-kledu",
        "local_media",
        "Journal du soir",
        null,
        "2025-02-08",
      ],
    ]);
    const summary = await importText(db, "claims", text, { fileName: "journal.csv" });
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ imported: true, claimsCreated: 1 });
    const claim = await db.claim.findFirstOrThrow({ where: { claimant: { slug: "radio-kledu" } } });
    expect(claim).toMatchObject({ metric: "killed", category: "unspecified", valueMin: 20, valueMax: null, qualifier: "at_least" });
  });

  it("reports the statement parser's reason when it cannot read a figure", async () => {
    const text = csv(header, [
      [CODE, null, null, null, null, null, null, "A similar number of militants were reportedly killed.", "hrw", null, null, null, null],
      [
        CODE,
        null,
        null,
        null,
        null,
        null,
        null,
        "34 civilians, including 13 Malians and 21 foreigners, were killed.",
        "hrw",
        null,
        null,
        null,
        null,
      ],
    ]);
    const summary = await importText(db, "claims", text);
    expect(summary.imported).toBe(false);
    expect(summary.errors).toHaveLength(2);
    expect(summary.errors[0]).toMatchObject({ row: 1, line: 2, column: "metric" });
    expect(summary.errors[0]!.message).toMatch(/could not read a figure|no casualty figure/);
    expect(summary.errors[1]!.message).toMatch(/gives 3 figures/);
  });

  it("refuses references it cannot resolve", async () => {
    const text = csv(header, [
      ["MLI-2099-0001", "killed", "civilians", null, "3", "3", "exact", "Three civilians were killed.", "hrw", null, null, null, null],
      [CODE, "killed", "civilians", null, "3", "3", "exact", "Three civilians were killed.", "nobody-knows", null, null, null, null],
    ]);
    const summary = await importText(db, "claims", text);
    expect(summary.imported).toBe(false);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "incident_code"],
      [2, "claimant"],
    ]);
    expect(summary.errors[1]!.message).toContain("claimant_kind");
  });
});

describe("malformed files change nothing", () => {
  let db: Db;
  beforeAll(async () => {
    db = await useTestDb();
    await seedKobe(db);
  });

  const good = (overrides: Partial<Record<(typeof CLAIMS_COLUMNS)[number], string>> = {}) => {
    const base: Record<string, string> = {
      claim_id: "",
      incident_code: CODE,
      metric: "killed",
      category: "civilians",
      subgroup: "",
      value_min: "3",
      value_max: "3",
      qualifier: "exact",
      statement: "Three civilians died of their wounds.",
      claimant: "hrw",
      claimant_kind: "ngo",
      document_title: "",
      document_url: "",
      published_on: "",
      stated_on: "2025-02-15",
      assessment: "",
      active: "",
      superseded_by: "",
      entered_by: "",
      entered_at: "",
      ...overrides,
    };
    return CLAIMS_COLUMNS.map((c) => base[c]!);
  };

  it("a file of another format: the header says what is missing", async () => {
    const before = await counts(db);
    const summary = await importText(db, "claims", csv(["event_id_cnty", "event_date", "fatalities"], [["MLI1", "2025-02-07", "3"]]));
    expect(summary.imported).toBe(false);
    expect(summary.errors).toHaveLength(2);
    expect(summary.errors[0]).toMatchObject({ row: null, line: 1 });
    expect(summary.errors[0]!.message).toMatch(/lacks the columns incident_code, statement, claimant/);
    expect(summary.errors[1]!.message).toMatch(/unknown columns event_id_cnty, event_date, fatalities/);
    expect(await counts(db)).toEqual(before);
  });

  it("a NUL character in a cell: that cell refused by name, nothing written (PostgreSQL cannot store it)", async () => {
    const before = await counts(db);
    const summary = await importText(
      db,
      "claims",
      csv(CLAIMS_COLUMNS, [good(), good({ statement: "Three civilians\u0000 died." }), good({ subgroup: "a\u0000b" })]),
    );
    expect(summary.imported).toBe(false);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "statement"],
      [3, "subgroup"],
    ]);
    expect(summary.errors[0]!.message).toMatch(/statement contains a NUL character/);
    expect(await counts(db)).toEqual(before);
  });

  it("bad dates, negative and non-numeric counts, impossible intervals: one error per cell, nothing written", async () => {
    const before = await counts(db);
    const text = csv(CLAIMS_COLUMNS, [
      good({ stated_on: "2025-02-30" }),
      good({ stated_on: "8 Feb" }),
      good({ value_min: "-3" }),
      good({ value_min: "three" }),
      good({ value_min: "5", value_max: "2", qualifier: "range" }),
      good({ entered_at: "yesterday" }),
      good(),
    ]);
    const summary = await importText(db, "claims", text);
    expect(summary).toMatchObject({ imported: false, rows: 7, invalidRows: 6, validRows: 1 });
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "stated_on"],
      [2, "stated_on"],
      [3, "value_min"],
      [4, "value_min"],
      [5, "value_max"],
      [6, "entered_at"],
    ]);
    // A day written as it should be but missing from the calendar is named as such, not as a format problem.
    expect(summary.errors[0]!.message).toBe("stated_on is not a real calendar date");
    expect(summary.errors[1]!.message).toBe("stated_on must be a date written YYYY-MM-DD, or a span YYYY-MM-DD/YYYY-MM-DD");
    expect(summary.errors[2]!.message).toBe("value_min cannot be negative");
    expect(summary.errors[3]).toMatchObject({ value: "three", message: "value_min must be a number written in digits" });
    expect(summary.errors[4]!.message).toBe("value_max must be at least value_min");
    expect(await counts(db)).toEqual(before);
  });

  it("a row with a stray comma, and an unclosed quote", async () => {
    const strayComma = `${CLAIMS_COLUMNS.join(",")}\r\n${good().join(",")},extra\r\n`;
    const summary = await importText(db, "claims", strayComma);
    expect(summary.errors[0]!.message).toMatch(/21 cells but the header has 20/);
    const unclosed = `${CLAIMS_COLUMNS.join(",")}\r\n${good({ statement: '"Three' }).join(",")}\r\n`;
    const broken = await importText(db, "claims", unclosed);
    expect(broken.imported).toBe(false);
    expect(broken.errors[0]!.message).toMatch(/not valid CSV/);
  });

  it("a statement with a quoted newline survives the import", async () => {
    const text = csv(CLAIMS_COLUMNS, [good({ statement: 'Line one,\nline two with "quotes".' })]);
    const summary = await importText(db, "claims", text);
    expect(summary.errors).toEqual([]);
    const claim = await db.claim.findFirstOrThrow({ where: { statement: { startsWith: "Line one" } } });
    expect(claim.statement).toBe('Line one,\nline two with "quotes".');
  });

  it("tabs in subgroup and statement: claims that differ only in where the tab falls stay two claims, and a second import adds nothing", async () => {
    const text = csv(CLAIMS_COLUMNS, [
      good({ subgroup: "women\tchildren", statement: "Ten\tpeople died at the market.", value_min: "10", value_max: "10" }),
      good({ subgroup: "women", statement: "children\tTen\tpeople died at the market.", value_min: "10", value_max: "10" }),
    ]);
    const first = await importText(db, "claims", text);
    expect(first.errors).toEqual([]);
    expect([first.claimsCreated, first.claimsAlreadyPresent]).toEqual([2, 0]);
    // The second time, both are found among the stored claims (on the import's second connection).
    const second = await importText(db, "claims", text);
    expect(second.errors).toEqual([]);
    expect([second.claimsCreated, second.claimsAlreadyPresent]).toEqual([0, 2]);
    expect(await db.claim.count({ where: { statement: { contains: "people died at the market" } } })).toBe(2);
  });

  it("a stored claim is found only by a row equal in every part of its key: another subgroup, date or statement is a new claim", async () => {
    const stored = { statement: "Twelve civilians died on the road.", value_min: "12", value_max: "12", stated_on: "2025-02-14" };
    expect((await importText(db, "claims", csv(CLAIMS_COLUMNS, [good(stored)]))).claimsCreated).toBe(1);
    const summary = await importText(
      db,
      "claims",
      csv(CLAIMS_COLUMNS, [
        good(stored),
        good({ ...stored, subgroup: "drivers" }),
        good({ ...stored, stated_on: "2025-02-15" }),
        good({ ...stored, stated_on: "" }),
        good({ ...stored, statement: "Twelve civilians died on the road!" }),
        good({ ...stored, metric: "injured" }),
      ]),
    );
    expect(summary.errors).toEqual([]);
    expect([summary.claimsCreated, summary.claimsAlreadyPresent]).toEqual([5, 1]);
    expect(summary.incidentCodes).toEqual([CODE]);
    expect(await db.claim.count({ where: { statement: { startsWith: "Twelve civilians died on the road" } } })).toBe(6);
  });

  it("100,000 rows with one bad row: refused with that row named, nothing written", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      good({
        category: "unspecified",
        value_min: String(i % 50),
        value_max: String(i % 50),
        statement: `Bulk statement number ${i}: ${i % 50} people were killed.`,
        claimant: `bulk-${i % 7}`,
        claimant_kind: "local_media",
      }),
    );
    rows[76_543] = good({ value_min: "-1", value_max: "1", qualifier: "range" });
    const before = await counts(db);
    const summary = await importText(db, "claims", csv(CLAIMS_COLUMNS, rows));
    expect(summary).toMatchObject({ imported: false, rows: 100_000, invalidRows: 1, validRows: 99_999 });
    expect(summary.errors).toEqual([
      {
        row: 76_544,
        line: 76_545,
        column: "value_min",
        value: "-1",
        message: "value_min cannot be negative",
        problem: { code: "negative", values: { column: "value_min", minimum: "0" } },
      },
    ]);
    expect(await counts(db)).toEqual(before);
  }, 120_000);

  it("--valid-only imports the valid rows and reports the others", async () => {
    const before = await counts(db);
    const text = csv(CLAIMS_COLUMNS, [
      good({ statement: "Valid-only: four civilians were killed.", value_min: "4", value_max: "4" }),
      good({ statement: "Valid-only: a bad date.", stated_on: "2025-13-01" }),
      good({ statement: "Valid-only: five civilians were killed.", value_min: "5", value_max: "5", claimant: "afp" }),
    ]);
    const summary = await importText(db, "claims", text, { validOnly: true });
    expect(summary).toMatchObject({ imported: true, validOnly: true, rows: 3, validRows: 2, invalidRows: 1, claimsCreated: 2 });
    expect(summary.errors).toMatchObject([{ row: 2, column: "stated_on" }]);
    expect(await db.claim.count()).toBe(before.claims + 2);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "import" }, orderBy: { id: "desc" } });
    expect(event.after).toMatchObject({ rows: 3, importedRows: 2, invalidRows: 1, validOnly: true });
  });
});

describe("a file read a slice at a time", () => {
  // A slice of one row: every row is checked, and the rows before it written, before the next
  // row is even read. Whatever a later row finds must still undo or change nothing written early.
  const defaultSlice = claimsSlice.rows;
  afterEach(() => {
    claimsSlice.rows = defaultSlice;
  });
  const older = "7a1e0c3e-1111-4d2b-8c1a-2b3c4d5e6f01";
  const newer = "7a1e0c3e-2222-4d2b-8c1a-2b3c4d5e6f02";
  const row = (cells: Partial<Record<(typeof CLAIMS_COLUMNS)[number], string>>) =>
    CLAIMS_COLUMNS.map(
      (c) =>
        cells[c] ??
        (
          { incident_code: CODE, metric: "killed", category: "civilians", qualifier: "exact", stated_on: "2025-02-20" } as Record<
            string,
            string
          >
        )[c] ??
        "",
    );
  const claim = (n: number, more: Partial<Record<(typeof CLAIMS_COLUMNS)[number], string>> = {}) =>
    row({ value_min: String(n), value_max: String(n), statement: `Slices: ${n} civilians were killed.`, claimant: "hrw", ...more });

  it("an invalid row late in the file: nothing written, and only the rows' problems reported", async () => {
    claimsSlice.rows = 1;
    const db = await useTestDb();
    await seedKobe(db);
    const before = await counts(db);
    const text = csv(CLAIMS_COLUMNS, [
      claim(41, { claimant: "slices-radio", claimant_kind: "local_media", document_title: "Slices bulletin" }),
      claim(42, { incident_code: "MLI-2099-0001" }),
      claim(43),
      claim(44, { value_min: "-1" }),
    ]);
    const summary = await importText(db, "claims", text);
    expect(summary.imported).toBe(false);
    // Row 2's unknown incident was found in the database before row 4 was read; as for a file
    // checked whole, the report is about the rows when a row is invalid.
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([[4, "value_min"]]);
    expect(await counts(db)).toEqual(before);
  });

  it("a reference refused in the last row: the claims, source and document of the rows before are rolled back", async () => {
    claimsSlice.rows = 1;
    const db = await useTestDb();
    await seedKobe(db);
    const before = await counts(db);
    const text = csv(CLAIMS_COLUMNS, [
      claim(51, { claimant: "slices-radio", claimant_kind: "local_media", document_title: "Slices bulletin" }),
      claim(52),
      claim(53, { claimant: "nobody-knows" }),
    ]);
    const summary = await importText(db, "claims", text);
    expect(summary.imported).toBe(false);
    expect(summary.errors.map((e) => [e.row, e.column])).toEqual([[3, "claimant"]]);
    expect(await counts(db)).toEqual(before);
  });

  it("names every reference problem by a code whose English words are the message (the upload page words it in French)", async () => {
    const db = await useTestDb();
    await seedKobe(db);
    const stored = await db.claim.findFirstOrThrow({ where: { incident: { code: CODE } }, select: { id: true } });
    const id = (n: number) => `7a1e0c3e-${String(n).padStart(4, "0")}-4d2b-8c1a-2b3c4d5e6f00`;
    const text = csv(CLAIMS_COLUMNS, [
      claim(71, { incident_code: "MLI-2099-0001" }),
      claim(72, { claimant: "nobody-knows" }),
      claim(73, { claim_id: id(73) }),
      claim(74, { claim_id: id(73) }),
      claim(75, { claim_id: stored.id }),
      claim(76, { superseded_by: id(9999) }),
      claim(77, { claim_id: id(77), superseded_by: id(77) }),
      claim(78, { claim_id: id(78) }),
      claim(79, { claimant: "afp", superseded_by: id(78) }),
    ]);
    const before = await counts(db);
    const summary = await importText(db, "claims", text, { validOnly: true });
    expect(summary.errors.map((e) => [e.row, e.column, e.problem?.code])).toEqual([
      [1, "incident_code", "no_incident"],
      [2, "claimant", "no_source"],
      [4, "claim_id", "claim_id_twice"],
      [5, "claim_id", "claim_changed"],
      [6, "superseded_by", "superseded_by_unknown"],
      [7, "superseded_by", "supersedes_itself"],
      [9, "superseded_by", "supersedes_elsewhere"],
    ]);
    for (const e of summary.errors) expect(englishProblem(e.problem!)).toBe(e.message);
    expect(summary.errors[0]!.message).toBe("there is no incident MLI-2099-0001 in this database: import or create the incident first");
    expect((await counts(db)).claims - before.claims).toBe(2);
  });

  it("gives what one slice gives: held-back links, refusals down a chain, documents and sources made once", async () => {
    const text = csv(CLAIMS_COLUMNS, [
      // Superseded by a row further down, which is invalid: refused, and so is the row superseded by it; neither is written.
      claim(61, { claim_id: older, superseded_by: newer }),
      claim(62, { claim_id: "7a1e0c3e-3333-4d2b-8c1a-2b3c4d5e6f03", superseded_by: older }),
      // A new source and a new document, named again three rows down.
      claim(63, { claimant: "slices-radio", claimant_kind: "local_media", document_title: "Slices bulletin" }),
      claim(64, { claim_id: newer, stated_on: "2025-02-31" }),
      claim(65),
      claim(66, { claimant: "slices-radio", document_title: "Slices bulletin", metric: "injured" }),
      // The same claim as row 5: already present.
      claim(65),
      // Superseded by a row further down that is written: the link is made.
      claim(67, { claim_id: "7a1e0c3e-4444-4d2b-8c1a-2b3c4d5e6f04", superseded_by: "7a1e0c3e-5555-4d2b-8c1a-2b3c4d5e6f05" }),
      claim(68, { claim_id: "7a1e0c3e-5555-4d2b-8c1a-2b3c4d5e6f05", stated_on: "2025-02-22" }),
      // Another publisher's document of the same title: its own, as if the file were checked whole
      // (the radio's bulletin, written slices ago, is not a document "of the database").
      claim(69, { claimant: "afp", document_title: "Slices bulletin" }),
    ]);
    const results = [];
    for (const size of [1, 2, defaultSlice]) {
      claimsSlice.rows = size;
      const db = await useTestDb();
      await seedKobe(db);
      const before = await counts(db);
      const summary = await importText(db, "claims", text, { validOnly: true });
      const claims = await db.claim.findMany({
        where: { statement: { startsWith: "Slices:" } },
        orderBy: { valueMin: "asc" },
        select: { valueMin: true, supersedesId: true, claimant: { select: { slug: true } }, document: { select: { title: true } } },
      });
      const after = await counts(db);
      const { durationMs: _ms, ...rest } = summary;
      results.push({
        summary: rest,
        claims,
        added: {
          claims: after.claims - before.claims,
          sources: after.sources - before.sources,
          documents: after.documents - before.documents,
        },
      });
    }
    const [oneRow, twoRows, whole] = results;
    expect(whole!.summary).toMatchObject({
      imported: true,
      claimsCreated: 6,
      claimsAlreadyPresent: 1,
      claimsSuperseded: 1,
      sourcesCreated: ["slices-radio"],
      documentsCreated: 2,
    });
    expect(whole!.summary.errors.map((e) => [e.row, e.column])).toEqual([
      [1, "superseded_by"],
      [2, "superseded_by"],
      [4, "stated_on"],
    ]);
    expect(whole!.claims.map((c) => [c.valueMin, c.claimant.slug, c.document?.title ?? null, c.supersedesId])).toEqual([
      [63, "slices-radio", "Slices bulletin", null],
      [65, "hrw", null, null],
      [66, "slices-radio", "Slices bulletin", null],
      [67, "hrw", null, null],
      [68, "hrw", null, "7a1e0c3e-4444-4d2b-8c1a-2b3c4d5e6f04"],
      [69, "afp", "Slices bulletin", null],
    ]);
    expect(whole!.added).toEqual({ claims: 6, sources: 1, documents: 2 });
    expect(oneRow).toEqual(whole);
    expect(twoRows).toEqual(whole);
  });
});

describe("a claims file naming merged incidents", () => {
  it("lands on the incident the merges lead to, and finds the claims already there", async () => {
    const db = await useTestDb();
    await seedKobe(db);
    const place = { dateStart: "2025-02-07", placeName: "Kobé", countryIso3: "MLI", latitude: 16, longitude: 0.2, eventType: "Battles" };
    const inner = await createIncident(db, { title: "Kobé (entered twice)", ...place }, null);
    const middle = await createIncident(db, { title: "Kobé (entered three times)", ...place }, null);
    const row = (code: string, n: number) => [
      code,
      "killed",
      "civilians",
      String(n),
      String(n),
      `Merged: ${n} civilians were killed.`,
      "hrw",
    ];
    const header = ["incident_code", "metric", "category", "value_min", "value_max", "statement", "claimant"];
    expect((await importText(db, "claims", csv(header, [row(inner.code, 4)]))).claimsCreated).toBe(1);
    // inner → middle → Kobé: the claim moves to Kobé, and inner's code leads there in two hops.
    const version = async (code: string) => (await db.incident.findUniqueOrThrow({ where: { code } })).version;
    await mergeIncidents(
      db,
      inner.code,
      { targetCode: middle.code, expectedVersion: await version(inner.code), targetExpectedVersion: await version(middle.code) },
      null,
    );
    await mergeIncidents(
      db,
      middle.code,
      { targetCode: CODE, expectedVersion: await version(middle.code), targetExpectedVersion: await version(CODE) },
      null,
    );

    const summary = await importText(
      db,
      "claims",
      csv(header, [row(inner.code, 4), row(middle.code, 4), row(CODE, 4), row(inner.code, 5)]),
    );
    expect(summary.errors).toEqual([]);
    expect([summary.claimsCreated, summary.claimsAlreadyPresent]).toEqual([1, 3]);
    const kobe = await db.incident.findUniqueOrThrow({ where: { code: CODE } });
    const merged = await db.claim.findMany({ where: { statement: { startsWith: "Merged:" } }, orderBy: { valueMin: "asc" } });
    expect(merged.map((c) => [c.valueMin, c.incidentId])).toEqual([
      [4, kobe.id],
      [5, kobe.id],
    ]);
  });
});
