import { expect, test } from "@playwright/test";
import { ADMIN } from "./accounts";
import { AuthPages } from "./pages/auth";
import { confirm } from "./pages/confirm";
import { DocumentsPage } from "./pages/documents";
import { EmbeddingsPage } from "./pages/embeddings";

const CURRENT = "builtin-hash-1024-v2";
const OTHER = "builtin-hash-512-v1";

test("an admin switches the embedding model: progress shows, the new model becomes active, the old one retired, and back", async ({ page }) => {
  const name = `parking-${Date.now()}.md`;
  await new AuthPages(page).signIn(ADMIN.email, ADMIN.password);
  const documents = new DocumentsPage(page);
  await documents.open();
  await documents.upload(name, "# Parking\n\nStaff parking is in the north garage; visitors park in bays 1 to 12 with a permit from reception.\n");
  await documents.waitUntilReady(name);

  await page.getByRole("link", { name: "Embeddings" }).click();
  const embeddings = new EmbeddingsPage(page);
  await expect(page.getByRole("heading", { name: "Embedding models" })).toBeVisible();
  await expect(embeddings.status(CURRENT)).toHaveText("active");
  await expect(embeddings.status(OTHER)).toHaveText("available");

  await embeddings.switchTo(OTHER);
  // The page follows the background job on its own until the switch is done.
  await expect(embeddings.status(OTHER)).toHaveText("active", { timeout: 45_000 });
  await expect(embeddings.status(CURRENT)).toHaveText("retired");
  await expect(embeddings.row(OTHER).getByTestId("embedding-model-progress")).toHaveText(/^(\d+) \/ \1 chunks$/);

  // Back again (the retired model's vectors are still there), then its vectors can be dropped.
  await embeddings.switchTo(CURRENT);
  await expect(embeddings.status(CURRENT)).toHaveText("active", { timeout: 45_000 });
  await embeddings.row(OTHER).getByRole("button", { name: "Drop vectors" }).click();
  await confirm(page, "Drop vectors");
  await expect(embeddings.status(OTHER)).toHaveText("available");
});
