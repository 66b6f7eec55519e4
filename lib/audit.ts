// Every change writes an AuditEvent in the same transaction: who, when, what, before → after.
import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  incidentId?: string | null;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export async function audit(tx: Tx, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      incidentId: entry.incidentId ?? null,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
