import Link from "next/link";

// The viewer's one navigation and <main> (issue 19); the page's <h1> is the document's title.
export default function SourcesLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl p-4 sm:p-6">
      <nav aria-label="Groundwork" className="text-sm">
        <Link href="/" className="underline">
          ← Back to chat
        </Link>
      </nav>
      <main className="mt-4">{children}</main>
    </div>
  );
}
