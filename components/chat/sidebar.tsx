"use client";

import { SquarePen } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
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

  // Keyboard shortcuts, as in the chat apps people know: Ctrl+K (⌘K) searches, Ctrl+Shift+O (⌘⇧O) starts a new chat.
  const router = useRouter();
  const search = useRef<HTMLInputElement>(null);
  const newChat = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "k" && !e.shiftKey) {
        e.preventDefault();
        setOpen(true); // on a phone the search is inside the menu
        requestAnimationFrame(() => search.current?.focus());
      } else if (key === "o" && e.shiftKey) {
        e.preventDefault();
        newChat.current?.click();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

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
          <Link
            ref={newChat}
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
          <label htmlFor="conversation-search" className="sr-only">
            Search conversations
          </label>
          <input
            ref={search}
            id="conversation-search"
            type="search"
            aria-keyshortcuts="Control+K Meta+K"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search conversations (Ctrl+K)"
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
