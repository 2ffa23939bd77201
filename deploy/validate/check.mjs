// Checks deploy/compose and deploy/k8s against real schemas, without a container engine or a
// cluster: the Compose Specification's JSON schema, the Kubernetes API schemas (strict: unknown
// fields fail), every kustomization's files and patch targets, the fleet's site list, and, with
// kubectl installed, each overlay as Kustomize renders it. Exit 1 on any error, each printed with
// its file, resource and JSON path.
//
//   node deploy/validate/check.mjs               # check the repository (bash check.sh installs first)
//   node deploy/validate/check.mjs --self-test   # prove that broken copies are caught
//   node deploy/validate/check.mjs --sync        # refresh the copies of deploy/grafana etc. in deploy/k8s
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Report } from './lib/report.mjs';
import { checkMirrors, syncMirrors } from './lib/mirrors.mjs';
import { checkK8s } from './lib/kustomize.mjs';
import { checkCompose } from './lib/compose.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runChecks(root, opts = {}) {
  const report = new Report(root);
  checkMirrors(report, root);
  await checkK8s(report, root, opts);
  checkCompose(report, root, opts);
  return report;
}

async function main(args) {
  if (args.includes('--sync')) {
    const changed = syncMirrors(ROOT);
    console.log(changed.length ? `copied: ${changed.join(', ')}` : 'all copies up to date');
    return 0;
  }
  if (args.includes('--self-test')) {
    const { selfTest } = await import('./lib/self-test.mjs');
    return selfTest(ROOT, runChecks);
  }
  const started = Date.now();
  const report = await runChecks(ROOT);
  for (const n of report.notes) console.log(`  ${n}`);
  for (const w of report.warnings) console.log(`WARNING ${w}`);
  for (const e of report.errors) console.log(`ERROR ${e}`);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (report.errors.length) {
    console.log(`deploy checks FAILED: ${report.errors.length} errors (${secs} s)`);
    return 1;
  }
  console.log(`deploy checks passed: 0 errors, ${report.warnings.length} warnings (${secs} s)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(2);
  });
}
