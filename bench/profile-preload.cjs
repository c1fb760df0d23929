// NODE_OPTIONS="--require ./bench/profile-preload.cjs" PROF_DIR=/tmp/prof npm run bench -- --only board …
// Profiles the `next start` process's main thread from its start to its exit, into
// $PROF_DIR/next-<pid>.cpuprofile (Node refuses --cpu-prof in NODE_OPTIONS, and the bench starts the
// server itself). Summarise with `node bench/profile-summary.mjs <file> [top]`.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload */
const argv = process.argv.join(" ");
if (/next(\.js)?\s+start/.test(argv) || process.env.PROF_ALL === "1") {
  const inspector = require("node:inspector");
  const fs = require("node:fs");
  const s = new inspector.Session();
  s.connect();
  s.post("Profiler.enable");
  s.post("Profiler.setSamplingInterval", { interval: 1000 });
  s.post("Profiler.start");
  let done = false;
  const dump = () => {
    if (done) return;
    done = true;
    s.post("Profiler.stop", (err, r) => {
      if (!err) fs.writeFileSync(`${process.env.PROF_DIR}/next-${process.pid}.cpuprofile`, JSON.stringify(r.profile));
    });
  };
  process.on("exit", dump);
  process.prependListener("SIGTERM", dump);
}
