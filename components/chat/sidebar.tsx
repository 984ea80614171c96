"use client";

import { Menu as MenuIcon } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog } from "radix-ui";
import { useCallback, useEffect, useRef, useState } from "react";
import { useMediaQuery } from "../ui/use-media-query";
import { CONVERSATIONS_CHANGED } from "./conversation-events";
import type { ConversationActions } from "./conversation-item";
import { SidebarPanel, type Conversation } from "./sidebar-panel";

interface Props {
  user: { name: string; role: "admin" | "employee" };
  conversations: Conversation[];
  signOut: () => Promise<void>;
  actions: ConversationActions & { search: (query: string) => Promise<Conversation[]> };
}

const navClass = "flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900";

/**
 * Conversation history with search, rename and delete: beside the chat on a desktop, and on a
 * phone a menu (Radix's dialog: focus kept inside while open, Escape, focus back on the button).
 */
export function Sidebar({ user, conversations, signOut, actions }: Props) {
  const pathname = usePathname();
  const activeId = pathname.startsWith("/c/") ? pathname.slice(3) : undefined;
  // Tailwind's md breakpoint; the server renders the desktop layout, which CSS hides on a phone.
  const phone = useMediaQuery("(max-width: 767px)");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  // The list as last fetched; until then, as the server rendered it.
  const [fetched, setFetched] = useState<Conversation[] | null>(null);

  // The menu closes when the user goes somewhere.
  useEffect(() => setOpen(false), [pathname]);

  // Keyboard shortcuts, as in the chat apps people know: Ctrl+K (⌘K) searches, Ctrl+Shift+O (⌘⇧O) starts a new chat.
  // Each panel has its own refs: the phone's unmounts when its menu closes, the desktop's stays.
  const desktop = { search: useRef<HTMLInputElement>(null), newChat: useRef<HTMLAnchorElement>(null) };
  const menu = { search: useRef<HTMLInputElement>(null), newChat: useRef<HTMLAnchorElement>(null) };
  const searchOnOpen = useRef(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "k" && !e.shiftKey) {
        e.preventDefault();
        if (!phone) desktop.search.current?.focus();
        else if (open) menu.search.current?.focus();
        else {
          searchOnOpen.current = true; // the menu focuses the search box as it opens
          setOpen(true);
        }
      } else if (key === "o" && e.shiftKey) {
        e.preventDefault();
        (phone && open ? menu : desktop).newChat.current?.click();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // The refs inside `desktop` and `menu` are stable; only the layout and the menu's state change what a key does.
  }, [phone, open]);

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

  const panel = (refs: typeof desktop) => (
    <SidebarPanel
      user={user}
      conversations={fetched ?? conversations}
      activeId={activeId}
      query={query}
      onQueryChange={setQuery}
      signOut={signOut}
      actions={actions}
      searchRef={refs.search}
      newChatRef={refs.newChat}
    />
  );
  return (
    <Dialog.Root open={phone && open} onOpenChange={setOpen}>
      <div className="flex items-center justify-between border-b border-zinc-200 p-2 md:hidden dark:border-zinc-800">
        <span className="font-semibold">Groundwork</span>
        <Dialog.Trigger className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700">
          <MenuIcon size={14} aria-hidden />
          Menu
        </Dialog.Trigger>
      </div>
      {/* The page's navigation landmark, in every layout; CSS hides it on a phone, where the menu shows its own. */}
      <nav aria-label="Conversations" className={`${navClass} hidden md:flex md:w-72 md:shrink-0`}>
        {panel(desktop)}
      </nav>
      {phone && (
        <Dialog.Portal>
          <Dialog.Content
            aria-describedby={undefined}
            onOpenAutoFocus={(e) => {
              if (!searchOnOpen.current) return;
              searchOnOpen.current = false;
              e.preventDefault();
              menu.search.current?.focus();
            }}
            className="fixed inset-x-0 top-12 bottom-0 z-30 flex text-zinc-900 dark:text-zinc-100"
          >
            <Dialog.Title className="sr-only">Conversations</Dialog.Title>
            <nav aria-label="Conversations" className={`${navClass} flex w-full`}>
              {panel(menu)}
            </nav>
          </Dialog.Content>
        </Dialog.Portal>
      )}
    </Dialog.Root>
  );
}
