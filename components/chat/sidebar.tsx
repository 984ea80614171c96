"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { SignOutButton } from "../auth/sign-out-button";
import { ThemeToggle } from "../theme-toggle";
import { CONVERSATIONS_CHANGED } from "./conversation-events";
import { ConversationItem, type ConversationActions } from "./conversation-item";

interface Conversation {
  id: string;
  title: string;
}

interface Props {
  user: { name: string; role: "admin" | "employee" };
  conversations: Conversation[];
  signOut: () => Promise<void>;
  actions: ConversationActions & { search: (query: string) => Promise<Conversation[]> };
}

/** Conversation history with search, rename and delete; a menu on phone-sized screens. */
export function Sidebar({ user, conversations, signOut, actions }: Props) {
  const pathname = usePathname();
  const activeId = pathname.startsWith("/c/") ? pathname.slice(3) : undefined;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  // The list as last fetched; until then, as the server rendered it.
  const [fetched, setFetched] = useState<Conversation[] | null>(null);

  // The menu closes when the user goes somewhere.
  useEffect(() => setOpen(false), [pathname]);

  const reload = useCallback(async (q: string) => setFetched(await actions.search(q.trim())), [actions]);
  useEffect(() => {
    const timer = setTimeout(() => void reload(query), query ? 200 : 0);
    const onChange = () => void reload(query);
    window.addEventListener(CONVERSATIONS_CHANGED, onChange);
    return () => {
      clearTimeout(timer);
      window.removeEventListener(CONVERSATIONS_CHANGED, onChange);
    };
  }, [query, reload]);

  const shown = fetched ?? conversations;
  return (
    <>
      <div className="flex items-center justify-between border-b border-zinc-200 p-2 md:hidden dark:border-zinc-800">
        <span className="font-semibold">Groundwork</span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls="conversation-sidebar"
          onClick={() => setOpen(!open)}
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700"
        >
          Menu
        </button>
      </div>
      <nav
        id="conversation-sidebar"
        aria-label="Conversations"
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-12 bottom-0 z-30 flex-col border-r border-zinc-200 bg-zinc-50 md:static md:flex md:w-72 md:shrink-0 dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="flex items-center justify-between gap-2 p-3">
          <span className="hidden font-semibold md:inline">Groundwork</span>
          <Link href="/" className="rounded-md border border-zinc-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700">
            New chat
          </Link>
        </div>
        <div role="search" className="px-3 pb-2">
          <label htmlFor="conversation-search" className="sr-only">
            Search conversations
          </label>
          <input
            id="conversation-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search conversations"
            className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
        </div>
        <ul className="flex-1 overflow-y-auto px-2" data-testid="conversation-list">
          {shown.map((c) => (
            <ConversationItem key={c.id} conversation={c} active={c.id === activeId} actions={actions} />
          ))}
          {query.trim() && shown.length === 0 && <li className="px-2 py-1.5 text-sm text-zinc-600 dark:text-zinc-400">No conversation matches.</li>}
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
      </nav>
    </>
  );
}
