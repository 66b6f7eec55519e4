// Schemas for sources and documents, shared by forms, API routes and imports.
import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/domain/vocabularies";
import { dayField } from "./day-field";

const url = (field: string) =>
  z
    .string()
    .trim()
    .url(`${field} must be a full URL, e.g. https://…`)
    .refine((v) => /^https?:\/\//i.test(v), `${field} must start with http:// or https://`)
    .nullish()
    .or(z.literal("").transform(() => null))
    .transform((v) => v ?? null);

export const SourceSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,60}$/, "slug must be 2–61 lowercase letters, digits or dashes, e.g. hrw"),
  name: z.string().trim().min(2, "name is required").max(200),
  kind: z.enum(SOURCE_KINDS, { message: `kind must be one of ${SOURCE_KINDS.join(", ")}` }),
  countryIso3: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "countryIso3 must be an ISO 3166-1 alpha-3 code")
    .nullish()
    .or(z.literal("").transform(() => null))
    .transform((v) => v ?? null),
  isParty: z.coerce.boolean().default(false),
  url: url("url"),
  notes: z.string().trim().max(5000).default(""),
});

export const DocumentSchema = z.object({
  sourceId: z.string().uuid("sourceId must be a source id"),
  title: z.string().trim().min(2, "title is required").max(500),
  url: url("url"),
  publishedOn: dayField("publishedOn")
    .nullish()
    .transform((v) => v ?? null),
  accessedOn: dayField("accessedOn")
    .nullish()
    .transform((v) => v ?? null),
  language: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => v || null),
  archiveUrl: url("archiveUrl"),
  relaysSourceIds: z.array(z.string().uuid("relaysSourceIds must be source ids")).max(50).default([]),
});
