// deploy/k8s: every kustomization.yaml, every file it names, every resource in those files, the
// patches' targets, the fleet's site list; then, where kubectl is installed, each kustomization
// rendered by `kubectl kustomize` (Kustomize itself, offline) and every rendered resource checked
// again, with the policy and cross-reference checks of kubernetes.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadYaml, isDir, isFile, walk } from './report.mjs';
import { validateResource, policyProblems, referenceProblems, resourceId } from './kubernetes.mjs';

// Secrets and ConfigMaps that the operator creates with kubectl (deploy/k8s/README.md).
export const EXTERNAL = new Set([
  'heatgrid-broker-auth', 'heatgrid-mqtt-controllers', 'heatgrid-control-config',
  'heatgrid-grafana-admin', 'heatgrid-broker-eula',
]);

const FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'components', 'namespace', 'namePrefix', 'nameSuffix',
  'labels', 'commonLabels', 'commonAnnotations', 'configMapGenerator', 'secretGenerator',
  'generatorOptions', 'patches', 'replicas', 'images', 'sortOptions', 'buildMetadata',
]);
const DEPRECATED = {
  patchesStrategicMerge: 'patches', patchesJson6902: 'patches', bases: 'resources', vars: 'replacements',
};
const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const CONTROL = 'heatgrid-control';
const FLEET = 'heatgrid-fleet';

/** "key=path" or "path" of a generator's files. */
function generatorFile(entry) {
  const s = String(entry);
  const i = s.indexOf('=');
  return i > 0 ? { key: s.slice(0, i), file: s.slice(i + 1) } : { key: path.basename(s), file: s };
}

function kustomizationFile(dir) {
  for (const n of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    if (isFile(path.join(dir, n))) return path.join(dir, n);
  }
  return null;
}

async function reportResource(report, file, obj, where = '') {
  for (const p of await validateResource(obj)) {
    report.error(file, `${where}${resourceId(obj)} ${p.path || '/'}`, p.message);
  }
}

/**
 * Checks one kustomization and, first, those it includes. Returns the identities ("Kind/name")
 * of the resources it produces, for the patch targets of the kustomizations above it.
 */
async function checkKustomization(report, dir, state) {
  if (state.done.has(dir)) return state.done.get(dir);
  const ids = new Set();
  state.done.set(dir, ids);
  const kfile = kustomizationFile(dir);
  if (!kfile) {
    report.error(dir, '', 'no kustomization.yaml in this folder');
    return ids;
  }
  state.count.kustomizations++;
  const [k] = loadYaml(report, kfile);
  if (!k || typeof k !== 'object') return ids;

  for (const field of Object.keys(k)) {
    if (DEPRECATED[field]) report.error(kfile, `/${field}`, `deprecated in Kustomize 5: use ${DEPRECATED[field]}`);
    else if (!FIELDS.has(field)) report.error(kfile, `/${field}`, 'unknown field');
  }
  if (k.apiVersion !== undefined && k.apiVersion !== 'kustomize.config.k8s.io/v1beta1') {
    report.error(kfile, '/apiVersion', 'must be kustomize.config.k8s.io/v1beta1');
  }
  if (k.kind !== undefined && k.kind !== 'Kustomization') report.error(kfile, '/kind', 'must be Kustomization');

  const list = (field) => {
    const v = k[field];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      report.error(kfile, `/${field}`, 'must be a list');
      return [];
    }
    return v;
  };

  // Resources: files (validated here) and folders with their own kustomization.
  const resources = [];
  for (const [i, entry] of list('resources').entries()) {
    const at = `/resources/${i}`;
    if (typeof entry !== 'string') {
      report.error(kfile, at, 'must be a path');
      continue;
    }
    if (/^[a-z]+:\/\/|^github\.com\/|\?ref=/.test(entry)) {
      report.error(kfile, at, `remote resource '${entry}': everything must be in this repository (offline, pinned)`);
      continue;
    }
    const p = path.resolve(dir, entry);
    if (isDir(p)) {
      for (const id of await checkKustomization(report, p, state)) ids.add(id);
    } else if (isFile(p)) {
      state.count.files++;
      for (const obj of loadYaml(report, p)) {
        state.count.resources++;
        resources.push(obj);
        ids.add(resourceId(obj));
        await reportResource(report, p, obj);
        for (const pr of policyProblems(obj)) report.error(p, `${resourceId(obj)} ${pr.path}`, pr.message);
      }
    } else {
      report.error(kfile, at, `'${entry}' does not exist`);
    }
  }
  for (const [i, entry] of list('components').entries()) {
    if (!isDir(path.resolve(dir, String(entry)))) report.error(kfile, `/components/${i}`, `'${entry}' does not exist`);
  }

  // Generators: every file must exist; no secret material from the repository.
  const generated = new Map();
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    for (const [i, g] of list(field).entries()) {
      const at = `/${field}/${i}`;
      if (field === 'secretGenerator') {
        report.error(kfile, at, 'secrets are created by the operator (kubectl create secret), never from files or literals in the repository');
      }
      if (!g?.name) report.error(kfile, `${at}/name`, 'missing');
      const files = new Map();
      for (const [j, entry] of (g?.files ?? []).entries()) {
        const { key, file } = generatorFile(entry);
        const p = path.resolve(dir, file);
        if (!isFile(p)) report.error(kfile, `${at}/files/${j}`, `'${file}' does not exist`);
        else files.set(key, p);
      }
      for (const [j, entry] of (g?.envs ?? []).entries()) {
        if (!isFile(path.resolve(dir, String(entry)))) report.error(kfile, `${at}/envs/${j}`, `'${entry}' does not exist`);
      }
      if (g?.name) {
        generated.set(g.name, files);
        ids.add(`${field === 'configMapGenerator' ? 'ConfigMap' : 'Secret'}/${g.name}`);
      }
    }
  }

  // Patches: the file exists, is a patch of a known kind, and its target is among the resources.
  const matchTarget = (t) => [...ids].filter((id) => {
    const [kind, name] = id.split('/');
    return (!t.kind || t.kind === kind) && (!t.name || new RegExp(`^(?:${t.name})$`).test(name));
  });
  for (const [i, p] of list('patches').entries()) {
    const at = `/patches/${i}`;
    let docs = [];
    let file = kfile;
    if (p?.path) {
      file = path.resolve(dir, p.path);
      if (!isFile(file)) {
        report.error(kfile, `${at}/path`, `'${p.path}' does not exist`);
        continue;
      }
      docs = loadYaml(report, file);
    } else if (typeof p?.patch === 'string') {
      docs = loadYaml(report, kfile, p.patch);
    } else {
      report.error(kfile, at, 'needs path or patch');
      continue;
    }
    const doc = docs[0];
    if (Array.isArray(doc)) {
      // JSON 6902: a list of operations, with an explicit target.
      if (!p.target) report.error(kfile, at, 'a JSON 6902 patch needs a target');
      doc.forEach((op, j) => {
        if (!['add', 'remove', 'replace', 'move', 'copy', 'test'].includes(op?.op)) {
          report.error(file, `/${j}/op`, `'${op?.op}' is not a JSON patch operation`);
        }
        if (typeof op?.path !== 'string' || !op.path.startsWith('/')) report.error(file, `/${j}/path`, 'must be a JSON pointer');
      });
    } else if (doc && typeof doc === 'object') {
      // Strategic merge: a partial resource of an existing kind.
      const probe = await validateResource({ ...doc, metadata: { name: doc.metadata?.name ?? 'x' } });
      if (probe.some((q) => q.path === '/kind')) report.error(file, '/kind', `patch of unknown kind ${doc.apiVersion} ${doc.kind}`);
      if (!p.target && !matchTarget({ kind: doc.kind, name: doc.metadata?.name }).length) {
        report.error(kfile, at, `patch target ${doc.kind}/${doc.metadata?.name} matches no resource of this kustomization`);
      }
    } else {
      report.error(file, '', 'empty patch');
    }
    if (p.target) {
      if (!p.target.kind && !p.target.name && !p.target.labelSelector) report.error(kfile, `${at}/target`, 'selects everything');
      if (!p.target.labelSelector && !matchTarget(p.target).length) {
        report.error(kfile, `${at}/target`, `${p.target.kind ?? '*'}/${p.target.name ?? '*'} matches no resource of this kustomization`);
      }
    }
  }

  const counts = new Map();
  for (const [i, r] of list('replicas').entries()) {
    const target = [...ids].find((id) => /^(Deployment|StatefulSet|ReplicaSet)\//.test(id) && id.endsWith(`/${r?.name}`));
    if (!target) report.error(kfile, `/replicas/${i}/name`, `no Deployment or StatefulSet '${r?.name}'`);
    if (!Number.isInteger(r?.count) || r.count < 0) report.error(kfile, `/replicas/${i}/count`, 'must be a whole number');
    counts.set(r?.name, r?.count);
  }
  for (const [i, img] of list('images').entries()) {
    if (img?.newTag === 'latest') report.error(kfile, `/images/${i}/newTag`, 'pin a version, not latest');
  }

  // The fleet: sites in fleet.json, their files beside it, one control pod per site.
  if (generated.has(FLEET)) {
    const files = generated.get(FLEET);
    const text = files.has('fleet.json') ? fs.readFileSync(files.get('fleet.json'), 'utf8') : null;
    const read = (key) => (files.has(key) ? fs.readFileSync(files.get(key), 'utf8') : null);
    const replicas = counts.has(CONTROL) ? counts.get(CONTROL) : state.baseReplicas;
    for (const msg of fleetProblems(text, read, replicas)) report.error(kfile, `configMapGenerator ${FLEET}`, msg);
  } else if (ids.has(`StatefulSet/${CONTROL}`) && !ids.has(`ConfigMap/${FLEET}`) && state.isTop(dir)) {
    report.error(kfile, '', `no configMapGenerator ${FLEET} (fleet.json and the site files) for ${CONTROL}`);
  }
  if (!state.baseReplicas) {
    const sts = resources.find((r) => r.kind === 'StatefulSet' && r.metadata?.name === CONTROL);
    if (sts) state.baseReplicas = sts.spec?.replicas ?? 1;
  }
  return ids;
}

/**
 * Problems of a fleet: fleet.json's text, read(key) giving a site file's text (null if absent),
 * and the number of control pods.
 */
export function fleetProblems(fleetText, read, replicas) {
  if (fleetText === null) return ['no key fleet.json'];
  let fleet;
  try {
    fleet = JSON.parse(fleetText);
  } catch (e) {
    return [`fleet.json: ${e.message}`];
  }
  const problems = [];
  const sites = Array.isArray(fleet?.sites) ? fleet.sites : [];
  if (!sites.length) problems.push('fleet.json: no sites');
  const seen = new Set();
  sites.forEach((s, i) => {
    const at = `fleet.json /sites/${i}`;
    if (!SITE_ID.test(String(s?.site))) problems.push(`${at}/site: '${s?.site}' is not a site id (1-64 letters, digits, _ or -)`);
    if (seen.has(s?.site)) problems.push(`${at}/site: '${s.site}' twice`);
    seen.add(s?.site);
    const key = String(s?.file ?? '');
    if (key.includes('/')) {
      problems.push(`${at}/file: '${key}' must be a file beside fleet.json (one ConfigMap, no folders)`);
      return;
    }
    const text = read(key);
    if (text === null) {
      problems.push(`${at}/file: '${key}' is not in the ConfigMap`);
      return;
    }
    try {
      const site = JSON.parse(text);
      if (site.name !== s.site) problems.push(`${key}: name '${site.name}' but fleet.json calls it '${s.site}'`);
      if (!Array.isArray(site.buildings) || !site.buildings.length) problems.push(`${key}: no buildings`);
      (site.buildings ?? []).forEach((b, j) => {
        if (!SITE_ID.test(String(b?.id))) problems.push(`${key} /buildings/${j}/id: '${b?.id}' is not a building id`);
      });
    } catch (e) {
      problems.push(`${key}: ${e.message}`);
    }
  });
  if (sites.length && replicas !== sites.length) {
    problems.push(`${CONTROL} has ${replicas} replicas but fleet.json ${sites.length} sites: pod N runs site N, so they must be equal`);
  }
  return problems;
}

/** Renders dir with `kubectl kustomize`: {docs} or {error}. */
function render(dir) {
  const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  if (r.error) return { error: r.error.message };
  if (r.status !== 0) return { error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ') };
  return { text: r.stdout };
}

export function kubectlVersion() {
  const r = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return null;
  try {
    const v = JSON.parse(r.stdout);
    return { kubectl: v.clientVersion?.gitVersion, kustomize: v.kustomizeVersion };
  } catch {
    return null;
  }
}

export async function checkK8s(report, root, opts = {}) {
  const k8s = path.join(root, 'deploy/k8s');
  const dirs = walk(k8s)
    .filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f))
    .map((f) => path.join(k8s, path.dirname(f)));
  if (!dirs.length) {
    report.error(k8s, '', 'no kustomization.yaml');
    return;
  }
  // Top level: not included by another kustomization (the overlays).
  const included = new Set();
  for (const d of dirs) {
    const [k] = loadYaml({ error() {} }, kustomizationFile(d));
    for (const r of k?.resources ?? []) included.add(path.resolve(d, String(r)));
  }
  const state = {
    done: new Map(), count: { kustomizations: 0, files: 0, resources: 0 }, baseReplicas: null,
    isTop: (d) => !included.has(d),
  };
  // Bases first, so that overlays know the base's replicas.
  for (const d of [...dirs].sort((a, b) => Number(!included.has(a)) - Number(!included.has(b)))) {
    await checkKustomization(report, d, state);
  }
  const c = state.count;
  report.note(`kubernetes: ${c.kustomizations} kustomizations, ${c.files} resource files, ${c.resources} resources checked against the API schemas (kubernetes-models 5.1.0, unknown fields rejected) and the workload policy`);

  const version = opts.kubectl === false ? null : kubectlVersion();
  if (!version) {
    report.warn('kubectl not found: the overlays were not rendered (only their files were checked)');
    return;
  }
  const rendered = [];
  for (const d of dirs.filter((x) => !included.has(x))) {
    const r = render(d);
    if (r.error) {
      report.error(d, 'kubectl kustomize', r.error);
      continue;
    }
    const docs = loadYaml(report, path.join(d, 'kustomization.yaml'), r.text);
    for (const obj of docs) {
      for (const p of await validateResource(obj)) report.error(d, `(rendered) ${resourceId(obj)} ${p.path || '/'}`, p.message);
      for (const p of policyProblems(obj)) report.error(d, `(rendered) ${resourceId(obj)} ${p.path}`, p.message);
    }
    for (const p of referenceProblems(docs, EXTERNAL)) report.error(d, `(rendered) ${p.id} ${p.path}`, p.message);
    const sts = docs.find((o) => o.kind === 'StatefulSet' && o.metadata?.name === CONTROL);
    const cm = docs.find((o) => o.kind === 'ConfigMap' && o.metadata?.name?.startsWith(`${FLEET}-`));
    if (sts && cm) {
      const data = cm.data ?? {};
      for (const msg of fleetProblems(data['fleet.json'] ?? null, (k) => data[k] ?? null, sts.spec?.replicas ?? 1)) {
        report.error(d, `(rendered) ConfigMap/${cm.metadata.name}`, msg);
      }
    }
    rendered.push(`${path.basename(d)} ${docs.length}`);
  }
  report.note(`kustomize: rendered with kubectl ${version.kubectl} (Kustomize ${version.kustomize}): ${rendered.join(', ')} resources, each checked again with references between them`);
}
