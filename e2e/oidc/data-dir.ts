/**
 * The single sign-on run's own embedded database. `npm run test:e2e` starts this run right after
 * the main one, from the same parent process, so the base config's default directory would be the
 * same: the main run's server, still exiting, can hold its lock when this run's server starts.
 * Imported for its side effect before the base config, which keeps a directory already set.
 */
import os from "node:os";
import path from "node:path";

process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `groundwork-e2e-oidc-${process.ppid}`);
