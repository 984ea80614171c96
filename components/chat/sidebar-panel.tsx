"use client";

import { SquarePen } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, type Ref } from "react";
import { SignOutButton } from "../auth/sign-out-button";
import { ThemeToggle } from "../theme-toggle";
import { ConversationItem, type ConversationActions } from "./conversation-item";

export interface Conversation {
  id: string;
  title: string;
}

interface Props {
  user: { name: string; role: "admin" | "employee" };
  conversations: Conversation[];
  activeId?: string;
  query: string;
  onQueryChange: (query: string) => void;
  signOut: () => Promise<void>;
  actions: ConversationActions;
  searchRef: Ref<HTMLInputElement>;
  newChatRef: Ref<HTMLAnchorElement>;
}

/** What the sidebar holds, on a desktop beside the chat and on a phone in its menu: new chat, search, history, account. */
export function SidebarPanel({ user, conversations, activeId, query, onQueryChange, signOut, actions, searchRef, newChatRef }: Props) {
  const router = useRouter();
  // On a phone the open menu holds a second panel beside the hidden desktop one: ids must differ.
  const searchId = useId();
  return (
    <>
      <div className="flex items-center justify-between gap-2 p-3">
        <span className="hidden font-semibold md:inline">Groundwork</span>
        <Link
          ref={newChatRef}
          href="/"
          aria-keyshortcuts="Control+Shift+O Meta+Shift+O"
          title="New chat (Ctrl+Shift+O)"
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window
            // A chat begun on "/" lives at /c/<id> by replaceState only: the router still holds the
            // page it rendered at "/", and a plain link there would show that chat again.
            e.preventDefault();
            router.push("/");
            router.refresh();
          }}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700"
        >
          <SquarePen size={14} aria-hidden />
          New chat
        </Link>
      </div>
      <div role="search" className="px-3 pb-2">
        <label htmlFor={searchId} className="sr-only">
          Search conversations
        </label>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          aria-keyshortcuts="Control+K Meta+K"
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          placeholder="Search conversations (Ctrl+K)"
          className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
      </div>
      <ul className="flex-1 overflow-y-auto px-2" data-testid="conversation-list">
        {conversations.map((c) => (
          <ConversationItem key={c.id} conversation={c} active={c.id === activeId} actions={actions} />
        ))}
        {query.trim() && conversations.length === 0 && <li className="px-2 py-1.5 text-sm text-zinc-600 dark:text-zinc-400">No conversation matches.</li>}
      </ul>
      <div className="flex flex-col gap-2 border-t border-zinc-200 p-3 text-sm dark:border-zinc-800">
        {user.role === "admin" && (
          <Link href="/admin/documents" className="underline">
            Manage documents
          </Link>
        )}
        <ThemeToggle />
        <div className="flex items-center justify-between">
          <Link href="/account" className="truncate text-zinc-700 underline dark:text-zinc-300" title="Your account">
            {user.name}
          </Link>
          <SignOutButton action={signOut} />
        </div>
      </div>
    </>
  );
}
