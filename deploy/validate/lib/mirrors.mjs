// Copies inside deploy/k8s of files that live elsewhere in the repository. Kustomize reads no
// file outside the kustomization root (unless every caller passes --load-restrictor
// LoadRestrictionsNone, which `kubectl apply -k` cannot), so the ConfigMaps are generated from
// these copies; this check fails when a copy differs from its source, and --sync refreshes them.
import fs from 'node:fs';
import path from 'node:path';
import { walk, isFile } from './report.mjs';

const SITE = 'controller/service/src/main/resources/sites/campus16.json';

/** [source, copy] pairs, relative to the repository root. */
export function mirrors(root) {
  const pairs = [
    ['deploy/influxdb/influxdb.conf', 'deploy/k8s/base/influxdb/influxdb.conf'],
    [SITE, 'deploy/k8s/overlays/campus16/campus16.json'],
    [SITE, 'deploy/k8s/overlays/fleet-example/campus16.json'],
  ];
  // Every provisioning file and dashboard of deploy/grafana, including ones added later.
  for (const sub of ['provisioning', 'dashboards']) {
    for (const f of walk(path.join(root, 'deploy/grafana', sub))) {
      pairs.push([`deploy/grafana/${sub}/${f}`, `deploy/k8s/base/grafana/${sub}/${f}`]);
    }
  }
  return pairs;
}

export function checkMirrors(report, root) {
  const pairs = mirrors(root);
  for (const [src, copy] of pairs) {
    const a = path.join(root, src);
    const b = path.join(root, copy);
    if (!isFile(a)) report.error(a, '', `missing (source of ${copy})`);
    else if (!isFile(b)) report.error(b, '', `missing copy of ${src}: run node deploy/validate/check.mjs --sync`);
    else if (!fs.readFileSync(a).equals(fs.readFileSync(b))) {
      report.error(b, '', `differs from its source ${src}: run node deploy/validate/check.mjs --sync`);
    }
  }
  // A copy whose source is gone, and a dashboard copied but not put into the ConfigMap.
  const copies = new Set(pairs.map(([, c]) => c));
  for (const sub of ['provisioning', 'dashboards']) {
    for (const f of walk(path.join(root, 'deploy/k8s/base/grafana', sub))) {
      const rel = `deploy/k8s/base/grafana/${sub}/${f}`;
      if (!copies.has(rel)) report.error(path.join(root, rel), '', `no source deploy/grafana/${sub}/${f} any more: delete the copy`);
    }
  }
  const kfile = path.join(root, 'deploy/k8s/base/kustomization.yaml');
  if (isFile(kfile)) {
    const text = fs.readFileSync(kfile, 'utf8');
    for (const c of copies) {
      if (!c.startsWith('deploy/k8s/base/')) continue;
      const rel = c.slice('deploy/k8s/base/'.length);
      if (!text.includes(rel)) report.error(kfile, '/configMapGenerator', `'${rel}' is copied but in no generator`);
    }
  }
  report.note(`mirrors: ${pairs.length} copies in deploy/k8s identical to their sources`);
}

export function syncMirrors(root) {
  const changed = [];
  for (const [src, copy] of mirrors(root)) {
    const a = path.join(root, src);
    const b = path.join(root, copy);
    if (isFile(b) && fs.readFileSync(a).equals(fs.readFileSync(b))) continue;
    fs.mkdirSync(path.dirname(b), { recursive: true });
    fs.copyFileSync(a, b);
    changed.push(copy);
  }
  return changed;
}
