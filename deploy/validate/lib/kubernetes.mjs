// Kubernetes resources against the API's schemas, strictly: the validators of the npm package
// kubernetes-models (generated from the Kubernetes OpenAPI spec, one per kind) check types,
// enums and required fields; a field that the schema does not know fails too, as with
// `kubectl apply --validate=strict` or kubeconform -strict. The OpenAPI spec itself allows
// unknown fields, so they are found by watching which properties the validator reads: it reads
// every property its schema defines (and every key of a map), so a key left unread is unknown.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pointer } from './report.mjs';

const validators = new Map();

/** The kubernetes-models validator of apiVersion/kind, or null when the API has no such kind. */
async function validatorFor(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  if (validators.has(key)) return validators.get(key);
  let fn = null;
  if (/^[A-Za-z0-9.-]*\/?v[0-9a-z]+$/.test(apiVersion) && /^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    try {
      // The model of apps/v1 StatefulSet is kubernetes-models/apps/v1/StatefulSet (core: v1/Pod);
      // it names its validator in _schemas/.
      const modelFile = fileURLToPath(import.meta.resolve(`kubernetes-models/${apiVersion}/${kind}`));
      const m = /_schemas\/(\w+)\.js/.exec(fs.readFileSync(modelFile, 'utf8'));
      if (m) fn = (await import(`kubernetes-models/_schemas/${m[1]}`)).validate;
    } catch {
      fn = null;
    }
  }
  validators.set(key, fn);
  return fn;
}

/** A copy of value whose objects record which keys were read; reg collects them. */
function track(value, keys, reg) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v, i) => track(v, [...keys, i], reg));
  const copy = {};
  for (const [k, v] of Object.entries(value)) copy[k] = track(v, [...keys, k], reg);
  const seen = new Set();
  reg.push({ keys, own: Object.keys(copy), seen });
  return new Proxy(copy, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') seen.add(prop);
      return Reflect.get(target, prop, receiver);
    },
  });
}

function describe(err) {
  const p = err.params ?? {};
  switch (err.keyword) {
    case 'enum':
      return `must be one of ${p.allowedValues.join(', ')}`;
    case 'required':
      return `missing required field '${p.missingProperty}'`;
    case 'type':
      return `must be of type ${p.type}`;
    case 'format':
      return `must be a valid ${p.format}`;
    default:
      return err.message ?? err.keyword;
  }
}

export function resourceId(obj) {
  return `${obj?.kind ?? '?'}/${obj?.metadata?.name ?? obj?.metadata?.generateName ?? '?'}`;
}

/** Problems of one resource: [{path, message}] (path a JSON pointer). */
export async function validateResource(obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    return [{ path: '', message: 'a resource must be a mapping' }];
  }
  const problems = [];
  if (typeof obj.apiVersion !== 'string') problems.push({ path: '/apiVersion', message: 'missing' });
  if (typeof obj.kind !== 'string') problems.push({ path: '/kind', message: 'missing' });
  if (problems.length) return problems;
  if (!obj.metadata?.name && !obj.metadata?.generateName) {
    problems.push({ path: '/metadata/name', message: 'missing' });
  }
  const validate = await validatorFor(obj.apiVersion, obj.kind);
  if (!validate) {
    return [{ path: '/kind', message: `no kind ${obj.kind} in API ${obj.apiVersion} (kubernetes-models 5.1.0)` }];
  }
  const reg = [];
  const ok = validate(track(obj, [], reg));
  if (!ok) {
    problems.push(...simplify(validate.errors ?? []));
  } else {
    // Unknown fields only when the schema passed: a failing validator may stop reading early.
    for (const r of reg) {
      for (const k of r.own) {
        if (!r.seen.has(k)) problems.push({ path: pointer([...r.keys, k]), message: 'unknown field' });
      }
    }
  }
  return dedupe(problems);
}

// At one path, a failed oneOf (int-or-string, quantity) reports each branch: keep the telling one.
function simplify(errors) {
  const byPath = new Map();
  for (const e of errors) {
    if (!byPath.has(e.instancePath)) byPath.set(e.instancePath, []);
    byPath.get(e.instancePath).push(e);
  }
  const out = [];
  for (const [path, list] of byPath) {
    let keep = list.filter((e) => !['oneOf', 'anyOf'].includes(e.keyword));
    if (keep.some((e) => e.keyword === 'format')) keep = keep.filter((e) => e.keyword === 'format');
    if (!keep.length) keep = list;
    for (const e of keep) out.push({ path, message: describe(e) });
  }
  return out;
}

function dedupe(problems) {
  const seen = new Set();
  return problems.filter((p) => {
    const k = `${p.path} ${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// What an operator expects of every workload here, beyond the schema.

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);

export function podTemplate(obj) {
  if (!WORKLOADS.has(obj?.kind)) return null;
  return obj.kind === 'CronJob' ? obj.spec?.jobTemplate?.spec?.template : obj.spec?.template;
}

function templateBase(obj) {
  return obj.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

/** Pinned images, requests and limits, probes, no privilege escalation, no capabilities, non-root. */
export function policyProblems(obj) {
  const tpl = podTemplate(obj);
  if (!tpl) return [];
  const base = templateBase(obj);
  const problems = [];
  const pod = tpl.spec ?? {};
  const groups = [['containers', pod.containers ?? []], ['initContainers', pod.initContainers ?? []]];
  for (const [field, list] of groups) {
    list.forEach((c, i) => {
      const at = (...k) => pointer([...base, 'spec', field, i, ...k]);
      const image = String(c.image ?? '');
      const tag = image.includes('@') ? 'digest' : /:([^/:]+)$/.exec(image)?.[1];
      if (!tag) problems.push({ path: at('image'), message: `image '${image}' has no tag: pin one` });
      else if (tag === 'latest') problems.push({ path: at('image'), message: `image '${image}': pin a version, not latest` });
      for (const kind of ['requests', 'limits']) {
        for (const res of ['cpu', 'memory']) {
          if (c.resources?.[kind]?.[res] === undefined) {
            problems.push({ path: at('resources', kind), message: `no ${res} ${kind}` });
          }
        }
      }
      if (field === 'containers') {
        for (const probe of ['readinessProbe', 'livenessProbe']) {
          if (!c[probe]) problems.push({ path: at(probe), message: `no ${probe}` });
        }
      }
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) {
        problems.push({ path: at('securityContext', 'allowPrivilegeEscalation'), message: 'must be false' });
      }
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) {
        problems.push({ path: at('securityContext', 'capabilities', 'drop'), message: 'must drop ALL' });
      }
      if ((sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true) {
        problems.push({ path: at('securityContext', 'runAsNonRoot'), message: 'must be true (here or in the pod securityContext)' });
      }
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// References between the resources of one rendered overlay.

function matches(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

/**
 * Selectors that select nothing, and names that point nowhere, in a rendered set of resources.
 * external: names of Secrets and ConfigMaps the operator creates (not in the set).
 */
export function referenceProblems(resources, external) {
  const problems = [];
  const byKind = (k) => resources.filter((r) => r.kind === k);
  const names = (k) => new Set(byKind(k).map((r) => r.metadata?.name));
  const configMaps = names('ConfigMap');
  const secrets = names('Secret');
  const pvcs = names('PersistentVolumeClaim');
  const accounts = names('ServiceAccount');
  const workloads = resources.filter((r) => podTemplate(r));
  const add = (r, path, message) => problems.push({ id: resourceId(r), path, message });

  // A pod of a StatefulSet also has statefulset.kubernetes.io/pod-name = <name>-<ordinal>.
  const selected = (selector) => workloads.filter((w) => {
    const labels = { ...(podTemplate(w).metadata?.labels ?? {}) };
    const podName = selector?.['statefulset.kubernetes.io/pod-name'];
    if (podName !== undefined && w.kind === 'StatefulSet') {
      const m = /^(.*)-(\d+)$/.exec(podName);
      if (m && m[1] === w.metadata.name && Number(m[2]) < (w.spec.replicas ?? 1)) {
        labels['statefulset.kubernetes.io/pod-name'] = podName;
      }
    }
    return matches(selector, labels);
  });

  for (const svc of byKind('Service')) {
    const sel = svc.spec?.selector;
    if (!sel) continue;
    const pods = selected(sel);
    if (!pods.length) {
      add(svc, '/spec/selector', `selects no pod (${JSON.stringify(sel)}; a pod-name label needs an ordinal below the StatefulSet's replicas)`);
      continue;
    }
    (svc.spec.ports ?? []).forEach((p, i) => {
      if (typeof p.targetPort !== 'string') return;
      const named = pods.some((w) => (podTemplate(w).spec?.containers ?? [])
        .some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort)));
      if (!named) add(svc, `/spec/ports/${i}/targetPort`, `no container port named '${p.targetPort}' in the selected pods`);
    });
  }
  for (const np of byKind('NetworkPolicy')) {
    const sel = np.spec?.podSelector?.matchLabels;
    if (sel && Object.keys(sel).length && !selected(sel).length) {
      add(np, '/spec/podSelector', `selects no pod (${JSON.stringify(sel)})`);
    }
  }
  for (const pdb of byKind('PodDisruptionBudget')) {
    const sel = pdb.spec?.selector?.matchLabels;
    if (sel && !selected(sel).length) add(pdb, '/spec/selector', `selects no pod (${JSON.stringify(sel)})`);
  }
  for (const w of workloads) {
    const tpl = podTemplate(w);
    const base = pointer(templateBase(w));
    if (!matches(w.spec?.selector?.matchLabels, tpl.metadata?.labels)) {
      add(w, '/spec/selector', 'does not match the pod template labels');
    }
    if (w.kind === 'StatefulSet') {
      const svc = byKind('Service').find((s) => s.metadata.name === w.spec.serviceName);
      if (!svc) add(w, '/spec/serviceName', `no Service '${w.spec.serviceName}'`);
      else if (svc.spec?.clusterIP !== 'None') add(w, '/spec/serviceName', `Service '${w.spec.serviceName}' is not headless`);
    }
    const sa = tpl.spec?.serviceAccountName;
    if (sa && !accounts.has(sa)) add(w, `${base}/spec/serviceAccountName`, `no ServiceAccount '${sa}'`);
    (tpl.spec?.volumes ?? []).forEach((v, i) => {
      const at = `${base}/spec/volumes/${i}`;
      if (v.configMap && !v.configMap.optional && !configMaps.has(v.configMap.name) && !external.has(v.configMap.name)) {
        add(w, `${at}/configMap/name`, `no ConfigMap '${v.configMap.name}'`);
      }
      if (v.secret && !v.secret.optional && !secrets.has(v.secret.secretName) && !external.has(v.secret.secretName)) {
        add(w, `${at}/secret/secretName`, `no Secret '${v.secret.secretName}' (nor one the operator creates)`);
      }
      if (v.persistentVolumeClaim && !pvcs.has(v.persistentVolumeClaim.claimName)) {
        add(w, `${at}/persistentVolumeClaim/claimName`, `no PersistentVolumeClaim '${v.persistentVolumeClaim.claimName}'`);
      }
    });
    (tpl.spec?.containers ?? []).forEach((c, i) => {
      const portNames = new Set((c.ports ?? []).map((p) => p.name).filter(Boolean));
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (typeof port === 'string' && !portNames.has(port)) {
          add(w, `${base}/spec/containers/${i}/${probe}`, `no container port named '${port}'`);
        }
      }
      const volumes = new Set((tpl.spec?.volumes ?? []).map((v) => v.name));
      for (const t of w.spec?.volumeClaimTemplates ?? []) volumes.add(t.metadata?.name);
      (c.volumeMounts ?? []).forEach((m, j) => {
        if (!volumes.has(m.name)) add(w, `${base}/spec/containers/${i}/volumeMounts/${j}/name`, `no volume '${m.name}'`);
      });
      (c.envFrom ?? []).forEach((e, j) => {
        const ref = e.configMapRef ?? e.secretRef;
        const known = e.configMapRef ? configMaps : secrets;
        if (ref && !ref.optional && !known.has(ref.name) && !external.has(ref.name)) {
          add(w, `${base}/spec/containers/${i}/envFrom/${j}`, `no ${e.configMapRef ? 'ConfigMap' : 'Secret'} '${ref.name}'`);
        }
      });
    });
  }
  return problems;
}
