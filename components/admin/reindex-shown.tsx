import type { ActionState } from "./action-form";
import { ActionButton } from "./action-button";

interface Props {
  /** How many documents the table shows: the ones re-indexed. */
  count: number;
  /** The table stops at its limit: there are more than `count`, and all of them are re-indexed. */
  more: boolean;
  /** Whether the table is filtered: the button then names what it re-indexes as "these". */
  filtered: boolean;
  reindex: () => Promise<ActionState>;
}

/** Reads the documents in the table again with the current parsers, after an upgrade that reads some files better. */
export function ReindexShown({ count, more, filtered, reindex }: Props) {
  const label = `Re-index ${filtered ? "these" : "all"} ${count}${more ? "+" : ""} ${count === 1 ? "document" : "documents"}`;
  return (
    <div className="text-sm">
      <ActionButton
        action={reindex}
        label={label}
        pendingLabel="Re-indexing…"
        confirm={{
          title: `${label}?`,
          description: "Each is read again from its file with the current parsers, as a new version. Answers keep using the current version until the new one is ready, and past answers keep citing theirs.",
        }}
      />
    </div>
  );
}
