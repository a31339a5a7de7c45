// Lighthouse, mobile preset (simulated slow 4G and a mid-range phone's CPU), against pages of a
// running server. Runs each page RUNS times (3; `LIGHTHOUSE_RUNS` to change) and prints each
// run's and the median's performance and accessibility scores, CLS, LCP, TBT and the bytes
// transferred. Usage: node run.mjs http://127.0.0.1:8080 [path …]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const paths =
  process.argv.length > 3 ? process.argv.slice(3) : ['/', '/tunnistautuminen', '/rekisteroityminen'];
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const line = (label, f) =>
  [
    label,
    `performance ${f.performance}`,
    `accessibility ${f.accessibility}`,
    `CLS ${f.cls.toFixed(3)}`,
    `LCP ${Math.round(f.lcp)} ms`,
    `TBT ${Math.round(f.tbt)} ms`,
    `transferred ${(f.bytes / 1024).toFixed(1)} KB`,
  ].join(' | ');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let failed = false;
try {
  for (const path of paths) {
    const figures = [];
    for (let run = 1; run <= runs; run += 1) {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const { categories, audits } = result.lhr;
      const figure = (id) => audits[id]?.numericValue ?? NaN;
      const f = {
        performance: categories.performance.score,
        accessibility: categories.accessibility.score,
        cls: figure('cumulative-layout-shift'),
        lcp: figure('largest-contentful-paint'),
        tbt: figure('total-blocking-time'),
        bytes: figure('total-byte-weight'),
      };
      figures.push(f);
      console.log(line(`lighthouse ${path} run ${run}`, f));
      const failedAudits = Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
        .map((audit) => audit.id);
      if (failedAudits.length > 0) {
        console.log(`  audits below full score: ${failedAudits.join(', ')}`);
      }
    }
    const medians = Object.fromEntries(
      Object.keys(figures[0]).map((key) => [key, median(figures.map((f) => f[key]))]),
    );
    console.log(line(`lighthouse ${path} MEDIAN of ${runs}`, medians));
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
