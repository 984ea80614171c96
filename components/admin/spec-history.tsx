import { ScrollRegion } from "./scroll-region";

interface Version {
  id: string;
  version: number;
  note: string | null;
  createdAt: string;
}

export function SpecHistory({ versions, current }: { versions: Version[]; current: number }) {
  return (
    <section aria-label="Spec versions" className="text-sm">
      <h2 className="mb-2 font-medium">Version history</h2>
      <ScrollRegion label="Spec versions table">
        <table className="w-full text-left">
          <thead className="border-b border-zinc-200 dark:border-zinc-800">
            <tr>
              <th className="py-1">Version</th>
              <th>Saved</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className="border-b border-zinc-100 dark:border-zinc-900" data-testid="spec-version-row">
                <td className="py-1">
                  {v.version}
                  {v.version === current ? " (current)" : ""}
                </td>
                <td>{new Date(v.createdAt).toLocaleString()}</td>
                <td>{v.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
