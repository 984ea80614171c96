"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Ellipsis, Pencil, Trash2 } from "lucide-react";
import { useRef, useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { Menu, MenuItem } from "../ui/menu";
import { announceConversationsChanged } from "./conversation-events";

export interface ConversationActions {
  rename: (id: string, title: string) => Promise<{ error?: string }>;
  remove: (id: string) => Promise<{ error?: string }>;
}

interface Props {
  conversation: { id: string; title: string };
  active: boolean;
  actions: ConversationActions;
}

/** The whole title as a tooltip, only where the row cuts it short. */
function showTitleIfCut(e: React.SyntheticEvent<HTMLElement>) {
  const link = e.currentTarget;
  if (link.scrollWidth > link.clientWidth) link.title = link.textContent ?? "";
  else link.removeAttribute("title");
}

const small = "rounded px-1.5 py-0.5 text-xs hover:bg-zinc-300 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-700";
// One icon button for the row's actions: the title keeps the rest of the row.
const icon = "rounded p-1.5 text-zinc-600 hover:bg-zinc-300 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100";

export function ConversationItem({ conversation, active, actions }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Rename puts the focus in its input: the closing menu must not take it back to its button.
  const renaming = useRef(false);

  const saveTitle = async () => {
    const result = await actions.rename(conversation.id, title);
    if (result.error) return setError(result.error);
    setError(null);
    setEditing(false);
    announceConversationsChanged({ id: conversation.id, title: title.trim() });
  };
  const remove = async () => {
    const result = await actions.remove(conversation.id);
    if (result.error) return setError(result.error);
    announceConversationsChanged();
    if (active) router.push("/");
  };

  return (
    <li className="group rounded-md hover:bg-zinc-200 has-[a[aria-current=page]]:bg-zinc-200 dark:hover:bg-zinc-800 dark:has-[a[aria-current=page]]:bg-zinc-800">
      {editing ? (
        <form
          className="flex gap-1 p-1"
          onSubmit={(e) => {
            e.preventDefault();
            void saveTitle();
          }}
        >
          <label htmlFor={`title-${conversation.id}`} className="sr-only">
            New name
          </label>
          <input
            id={`title-${conversation.id}`}
            autoFocus
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && (setEditing(false), setTitle(conversation.title))}
            className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <button type="submit" className={small}>
            Save
          </button>
        </form>
      ) : (
        <div className="flex items-center">
          <Link
            href={`/c/${conversation.id}`}
            aria-current={active ? "page" : undefined}
            onMouseEnter={showTitleIfCut}
            onFocus={showTitleIfCut}
            className="block min-w-0 flex-1 truncate px-2 py-1.5 text-sm"
          >
            {conversation.title}
          </Link>
          {/* Out of the layout until wanted on wide screens (and kept while its menu is open), so the title has the row's whole width. */}
          <div className="flex md:hidden md:group-focus-within:flex md:group-hover:flex md:has-[[data-state=open]]:flex">
            <Menu
              label={`Actions for ${conversation.title}`}
              icon={<Ellipsis size={16} aria-hidden />}
              triggerClassName={icon}
              onCloseAutoFocus={(e) => {
                if (renaming.current) e.preventDefault();
                renaming.current = false;
              }}
            >
              <MenuItem
                onSelect={() => {
                  renaming.current = true;
                  setEditing(true);
                }}
              >
                <Pencil size={14} aria-hidden /> Rename
              </MenuItem>
              <MenuItem danger onSelect={() => setConfirming(true)}>
                <Trash2 size={14} aria-hidden /> Delete
              </MenuItem>
            </Menu>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="px-2 pb-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${conversation.title}”?`}
        description="Its questions, answers and feedback are removed for good."
        confirmLabel="Delete conversation"
        danger
        onConfirm={() => void remove()}
      />
    </li>
  );
}
