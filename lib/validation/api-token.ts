// One schema per entity: an API token's name (the tokens form, its action and command), and its id.
import { z } from "zod";

export const TokenNameSchema = z.object({
  name: z.string().trim().min(2, "name must say what the token is for (at least 2 characters)").max(100, "name is at most 100 characters"),
});
export const TokenIdSchema = z.object({ tokenId: z.string().uuid("tokenId must be a token id") });
