import { FilterForm, FilterInput, FilterSelect } from "./filters";

const TYPES: [string, string][] = [
  ["text/markdown", "Markdown"],
  ["text/plain", "Text"],
  ["text/html", "HTML"],
  ["application/pdf", "PDF"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"],
  ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"],
];

interface Props {
  filters: { q?: string; status?: string; mime?: string; groupId?: string; sort?: string; dir?: string };
  groups: { id: string; name: string }[];
}

export function DocumentFilters({ filters, groups }: Props) {
  return (
    <FilterForm label="Filter documents">
      <FilterInput label="Search" name="q" value={filters.q} placeholder="Title or file name" />
      <FilterSelect label="Status" name="status" value={filters.status} options={["queued", "processing", "ready", "failed"].map((s) => [s, s])} />
      <FilterSelect label="Type" name="mime" value={filters.mime} options={TYPES} />
      <FilterSelect label="Group" name="groupId" value={filters.groupId} options={groups.map((g) => [g.id, g.name])} />
      {/* Filtering keeps the table's order. */}
      {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir && <input type="hidden" name="dir" value={filters.dir} />}
    </FilterForm>
  );
}
