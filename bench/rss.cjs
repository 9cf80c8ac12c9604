// Preloaded (node --require) by the benchmark into one extra run of each command: records the
// process's peak resident set size (KB) in the file named by BENCH_RSS_FILE when it exits.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
