"use client";
// Copies the text of a field to the clipboard and says so. Without JavaScript the text stays
// selectable in its field.
import { useState } from "react";

export function CopyButton({ targetId, label, copiedLabel }: { targetId: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button secondary copy-button"
        onClick={async () => {
          const field = document.getElementById(targetId) as HTMLTextAreaElement | null;
          if (!field) return;
          try {
            await navigator.clipboard.writeText(field.value);
          } catch {
            // No clipboard permission: select the text so Ctrl/Cmd+C copies it.
            field.select();
            document.execCommand("copy");
          }
          setCopied(true);
          setTimeout(() => setCopied(false), 2500);
        }}
      >
        {label}
      </button>
      <span role="status" className="meta copy-status">
        {copied ? copiedLabel : ""}
      </span>
    </>
  );
}
