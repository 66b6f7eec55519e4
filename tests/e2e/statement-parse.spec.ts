// POST /api/statements/parse over real HTTP: English and French statements, and the reasons for
// what it cannot read in the request's language, with their stable codes.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./support/users";

test.beforeEach(async ({ request }) => {
  await signIn(request, "editor");
});

/** Posts as the browser form does: session cookie, the app's own Origin, the given Accept-Language. */
function parse(request: APIRequestContext, baseURL: string | undefined, statement: string, acceptLanguage: string) {
  return request.post("/api/statements/parse", {
    data: { statement },
    headers: { origin: new URL(baseURL!).origin, "accept-language": acceptLanguage },
  });
}

test("reads a French statement and gives reasons in English by default", async ({ request, baseURL }) => {
  const response = await parse(
    request,
    baseURL,
    "Au moins 20 personnes ont été tuées, dont 5 enfants. Plusieurs soldats ont été blessés.",
    "en-US,en;q=0.9",
  );
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.figures).toMatchObject([
    { metric: "killed", category: "unspecified", valueMin: 20, valueMax: null, qualifier: "at_least" },
    { metric: "killed", category: "civilians", subgroup: "children", valueMin: 5, valueMax: 5, qualifier: "exact" },
  ]);
  expect(body.unresolved).toEqual([
    {
      text: "Plusieurs soldats ont été blessés",
      reasonCode: "vague_quantity",
      values: { words: "Plusieurs" },
      reason: expect.stringContaining('"Plusieurs" has no agreed numeric value'),
    },
  ]);
});

test("answers the reasons in French for a French-speaking editor, keeping the codes", async ({ request, baseURL }) => {
  const response = await parse(request, baseURL, "The army neutralised 30 terrorists; 5,000 people were displaced.", "fr-FR,fr;q=0.9");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.figures).toEqual([]);
  expect(body.unresolved).toMatchObject([
    {
      reasonCode: "neutralized",
      values: { words: "neutralised" },
      reason: "« neutralised » peut signifier tués ou capturés ; saisissez le chiffre explicitement",
    },
    {
      reasonCode: "outside_vocabulary",
      values: { outcome: "displaced" },
      reason: expect.stringContaining("le déplacement ne relève d’aucune catégorie de bilan"),
    },
  ]);
});

test("the ?lang=fr choice (its cookie) wins over Accept-Language", async ({ request, baseURL }) => {
  await request.get("/?lang=fr");
  const response = await parse(request, baseURL, "The convoy consisted of 19 vehicles", "en-US");
  expect(await response.json()).toMatchObject({ unresolved: [{ reasonCode: "no_figure", reason: "aucun bilan trouvé" }] });
});
