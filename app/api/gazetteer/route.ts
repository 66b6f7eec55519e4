import { z } from "zod";
import { withRole } from "@/lib/auth/role-guards";
import { searchPlaces } from "@/lib/gazetteer/place-search";
import { searchParamsRecord } from "@/lib/validation/safe-text";

const QuerySchema = z.object({
  q: z.string().trim().min(2, "q must be at least 2 characters").max(100),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "country must be an ISO3 code")
    .transform((c) => c.toUpperCase())
    .optional(),
});

/** Offline place-name search for the incident form. */
export const GET = withRole("editor", async (_user, request) => {
  const { q, country } = QuerySchema.parse(searchParamsRecord(new URL(request.url).searchParams));
  return Response.json({ items: await searchPlaces(q, { countryIso3: country }) });
});
