"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { PencilIcon, TrashIcon } from "../ui/icons";
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
// Icons rather than words: the two buttons take 56 px of the row, not half of it.
const icon = "rounded p-1.5 text-zinc-600 hover:bg-zinc-300 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100";

export function ConversationItem({ conversation, active, actions }: Props) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const saveTitle = async () => {
    const result = await actions.rename(conversation.id, title);
    if (result.error) return setError(result.error);
    setError(null);
    setEditing(false);
    announceConversationsChanged({ id: conversation.id, title: title.trim() });
  };
  const remove = async () => {
    const result = await actions.remove(conversation.id);
    dialog.current?.close();
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
          {/* Out of the layout until wanted on wide screens, so the title has the row's whole width. */}
          <div className="flex md:hidden md:group-focus-within:flex md:group-hover:flex">
            <button type="button" className={icon} aria-label={`Rename ${conversation.title}`} title="Rename" onClick={() => setEditing(true)}>
              <PencilIcon />
            </button>
            <button type="button" className={icon} aria-label={`Delete ${conversation.title}`} title="Delete" onClick={() => dialog.current?.showModal()}>
              <TrashIcon />
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="px-2 pb-1 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby={`delete-${conversation.id}`} className="m-auto rounded-lg p-4 backdrop:bg-black/40 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id={`delete-${conversation.id}`} className="font-semibold">
          Delete “{conversation.title}”?
        </h2>
        <p className="mt-1 text-sm">Its questions, answers and feedback are removed for good.</p>
        <div className="mt-4 flex justify-end gap-2 text-sm">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded-md border border-zinc-300 px-3 py-1 dark:border-zinc-700">
            Cancel
          </button>
          <button type="button" onClick={() => void remove()} className="rounded-md bg-red-700 px-3 py-1 text-white">
            Delete conversation
          </button>
        </div>
      </dialog>
    </li>
  );
}
