// Preloaded into a measured process: writes its peak resident set size (KiB) to $CANDOR_RSS_FILE on exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env['CANDOR_RSS_FILE'];
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
