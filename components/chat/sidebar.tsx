import Link from "next/link";
import { SignOutButton } from "../auth/sign-out-button";

interface Props {
  user: { name: string; role: "admin" | "employee" };
  conversations: { id: string; title: string }[];
  activeId?: string;
  signOut: () => Promise<void>;
}

export function Sidebar({ user, conversations, activeId, signOut }: Props) {
  return (
    <nav aria-label="Conversations" className="flex w-64 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between p-3">
        <span className="font-semibold">Groundwork</span>
        <Link href="/" className="rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700">
          New chat
        </Link>
      </div>
      <ul className="flex-1 overflow-y-auto px-2" data-testid="conversation-list">
        {conversations.map((c) => (
          <li key={c.id}>
            <Link
              href={`/c/${c.id}`}
              aria-current={c.id === activeId ? "page" : undefined}
              className="block truncate rounded-md px-2 py-1.5 text-sm hover:bg-zinc-200 aria-[current=page]:bg-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
            >
              {c.title}
            </Link>
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-1 border-t border-zinc-200 p-3 text-sm dark:border-zinc-800">
        {user.role === "admin" && (
          <Link href="/admin/documents" className="underline">
            Manage documents
          </Link>
        )}
        <div className="flex items-center justify-between">
          <span className="truncate text-zinc-600 dark:text-zinc-400">{user.name}</span>
          <SignOutButton action={signOut} />
        </div>
      </div>
    </nav>
  );
}
