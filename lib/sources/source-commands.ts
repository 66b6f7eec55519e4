// Creating sources and documents (with what a document relays), with their audit events.
import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { DocumentSchema, SourceSchema } from "@/lib/validation/source";
import { dayDate } from "@/lib/validation/calendar-day";

export async function createSource(db: Db, input: z.input<typeof SourceSchema>, actorId: string | null) {
  const values = SourceSchema.parse(input);
  return db.$transaction(async (tx) => {
    const source = await tx.source.create({ data: values });
    await audit(tx, { actorId, action: "source.create", entityType: "Source", entityId: source.id, after: source });
    return source;
  });
}

export async function createDocument(db: Db, input: z.input<typeof DocumentSchema>, actorId: string | null) {
  const values = DocumentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const ids = [values.sourceId, ...values.relaysSourceIds];
    const found = await tx.source.count({ where: { id: { in: ids } } });
    if (found !== new Set(ids).size) throw new NotFoundError("A source named by the document");
    const { relaysSourceIds, publishedOn, accessedOn, ...fields } = values;
    const document = await tx.document.create({
      data: {
        ...fields,
        publishedOn: dayDate(publishedOn),
        accessedOn: dayDate(accessedOn),
        relays: { create: relaysSourceIds.map((sourceId) => ({ sourceId })) },
      },
    });
    await audit(tx, {
      actorId,
      action: "document.create",
      entityType: "Document",
      entityId: document.id,
      after: { ...document, relaysSourceIds },
    });
    return document;
  });
}
