/**
 * Preloaded (`--import`) by the npm scripts that start Groundwork (start, dev, worker). On an older
 * Node the app printed "Ready" and then crashed on an API it lacks (`enableCompileCache`); this stops
 * before anything else, with one line that says what to do. A preload, not an import: an entry
 * point's imports are all linked before any of them runs, and on Node 20 linking already fails.
 * Plain JavaScript, so it runs before tsx compiles anything.
 */
const REQUIRED_MAJOR = 22;
const major = Number(process.versions.node.split(".")[0]);
if (major < REQUIRED_MAJOR) {
  console.error(
    `Groundwork needs Node.js ${REQUIRED_MAJOR} or newer, but this is ${process.version} (${process.execPath}); install it from https://nodejs.org or run \`nvm install ${REQUIRED_MAJOR}\`.`,
  );
  process.exit(1);
}
