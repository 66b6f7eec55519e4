"use client";
// After an import that queued its figures: how many incidents the server's worker has still to
// reconcile, polled from GET /api/figure-queue until none are left.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const POLL_MS = 2_000;

export function FigureQueueProgress({ queued }: { queued: number }) {
  const t = useTranslations("import");
  const [pending, setPending] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch("/api/figure-queue", { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const { pendingIncidents } = (await response.json()) as { pendingIncidents: number };
        if (stopped) return;
        setPending(pendingIncidents);
        setFailed(false);
        if (pendingIncidents > 0) timer = setTimeout(poll, POLL_MS);
      } catch {
        if (stopped) return;
        setFailed(true);
        timer = setTimeout(poll, POLL_MS * 5);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (failed) return <p className="meta">{t("queue.failed")}</p>;
  if (pending === null) return null;
  return (
    <p className="meta figure-queue-progress" role="status">
      {pending === 0 ? t("queue.done") : t("queue.pending", { pending, queued })}
    </p>
  );
}
