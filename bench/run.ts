/**
 * `npm run bench [registry|plan|policies|projects|load|lists|compare|web]`: runs one scenario, or all of them, each on its own
 * throwaway PostgreSQL database. Figures go to stdout as JSON lines; progress and errors to stderr.
 */
import { compareBench } from './compare';
import { listsBench } from './lists';
import { loadBench } from './load';
import { log } from './measure';
import { planBench } from './plan';
import { policiesBench } from './policies';
import { projectsBench } from './projects';
import { registryBench } from './registry';
import { webBench } from './web';

const SCENARIOS: Record<string, () => Promise<void>> = {
  registry: registryBench,
  plan: planBench,
  policies: policiesBench,
  projects: projectsBench,
  load: loadBench,
  lists: listsBench,
  compare: compareBench,
  web: webBench,
};

async function main() {
  const name = process.argv[2];
  if (name && !SCENARIOS[name]) {
    log(`unknown scenario "${name}"; choose one of: ${Object.keys(SCENARIOS).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  for (const [scenario, run] of Object.entries(SCENARIOS)) {
    if (name && name !== scenario) continue;
    log(`== ${scenario}`);
    try {
      await run();
    } catch (err) {
      log(`${scenario} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    }
  }
}

await main();
