// `node check.mjs --self-test`: the checks must catch broken manifests. Each case copies the
// deploy files into a temporary folder, breaks one thing and requires an error that names the
// file and says what is wrong; the unbroken copy must pass. Ends with "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// What a copy needs: deploy/ (without the validator's own files and real secrets) and the site
// file that compose mounts and the overlays copy.
const COPY = ['deploy/compose', 'deploy/k8s', 'deploy/mosquitto', 'deploy/influxdb', 'deploy/grafana',
  'controller/service/src/main/resources/sites/campus16.json'];

function copyTree(root, dest) {
  for (const rel of COPY) {
    fs.cpSync(path.join(root, rel), path.join(dest, rel), {
      recursive: true,
      filter: (src) => !/\/deploy\/compose\/secrets(\/|$)/.test(src),
    });
  }
}

/** Replaces `from` by `to` in a file of the copy; the case is broken if `from` is not there. */
function edit(dir, rel, from, to) {
  const f = path.join(dir, rel);
  const text = fs.readFileSync(f, 'utf8');
  if (!text.includes(from)) throw new Error(`self-test: '${from}' not in ${rel}`);
  fs.writeFileSync(f, text.replace(from, to));
}

const CONTROL = 'deploy/k8s/base/control/statefulset.yaml';
const FLEET = 'deploy/k8s/overlays/fleet-example/kustomization.yaml';
const COMPOSE = 'deploy/compose/compose.yaml';

// [name, break(dir), substrings that one error line must all contain]
const CASES = [
  ['k8s: bad enum value (imagePullPolicy: Sometimes)',
    (d) => edit(d, CONTROL, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: Sometimes'),
    [CONTROL, 'StatefulSet/heatgrid-control', '/spec/template/spec/containers/0/imagePullPolicy', 'Always, IfNotPresent, Never']],
  ['k8s: unknown field (spec.replica)',
    (d) => edit(d, CONTROL, '  podManagementPolicy: Parallel\n', '  podManagementPolicy: Parallel\n  replica: 2\n'),
    [CONTROL, 'StatefulSet/heatgrid-control /spec/replica', 'unknown field']],
  ['k8s: unknown field deep in a container (livenessProbe.httpGet.paht)',
    (d) => edit(d, 'deploy/k8s/base/grafana/deployment.yaml', 'path: /api/health\n              port: http\n            initialDelaySeconds',
      'paht: /api/health\n              port: http\n            initialDelaySeconds'),
    ['grafana/deployment.yaml', '/spec/template/spec/containers/0/livenessProbe/httpGet/paht', 'unknown field']],
  ['k8s: wrong type (replicas: "three")',
    (d) => edit(d, 'deploy/k8s/base/broker/statefulset.yaml', 'replicas: 3', 'replicas: three'),
    ['broker/statefulset.yaml', 'StatefulSet/heatgrid-broker /spec/replicas', 'must be of type integer']],
  ['k8s: unknown kind',
    (d) => edit(d, 'deploy/k8s/base/broker/pdb.yaml', 'kind: PodDisruptionBudget', 'kind: PodDisruptionBudgets'),
    ['broker/pdb.yaml', '/kind', 'no kind PodDisruptionBudgets']],
  ['k8s: resource file missing',
    (d) => fs.rmSync(path.join(d, 'deploy/k8s/base/forecast/pvc.yaml')),
    ['deploy/k8s/base/kustomization.yaml', '/resources/', "'forecast/pvc.yaml' does not exist"]],
  ['k8s: configMapGenerator file missing',
    (d) => fs.rmSync(path.join(d, 'deploy/k8s/overlays/fleet-example/campus-c.json')),
    [FLEET, '/configMapGenerator/0/files/', "'campus-c.json' does not exist"]],
  ['k8s: patch target matches nothing',
    (d) => edit(d, 'deploy/k8s/overlays/fleet-example/delete-api-service.yaml', 'name: heatgrid-control', 'name: heatgrid-controller'),
    [FLEET, '/patches/0', 'Service/heatgrid-controller matches no resource']],
  ['k8s: replicas differ from the fleet\'s sites',
    (d) => edit(d, FLEET, 'count: 4', 'count: 3'),
    [FLEET, 'heatgrid-fleet', '3 replicas but fleet.json 4 sites']],
  ['k8s: site file not in the fleet ConfigMap',
    (d) => edit(d, FLEET, '      - campus-d.json\n', ''),
    [FLEET, "'campus-d.json' is not in the ConfigMap"]],
  ['k8s: secret material from the repository',
    (d) => edit(d, 'deploy/k8s/overlays/campus16/kustomization.yaml', 'replicas:\n',
      'secretGenerator:\n  - name: oops\n    literals:\n      - password=hunter2\n\nreplicas:\n'),
    ['overlays/campus16/kustomization.yaml', '/secretGenerator/0', 'created by the operator']],
  ['k8s (policy): privilege escalation allowed',
    (d) => edit(d, 'deploy/k8s/base/forecast/deployment.yaml', 'allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'),
    ['forecast/deployment.yaml', 'Deployment/heatgrid-forecast', 'allowPrivilegeEscalation', 'must be false']],
  ['k8s (policy): image :latest',
    (d) => edit(d, 'deploy/k8s/base/influxdb/statefulset.yaml', 'image: influxdb:1.8.10', 'image: influxdb:latest'),
    ['influxdb/statefulset.yaml', '/image', 'not latest']],
  ['k8s (rendered): a per-site Service selects a pod beyond the replicas',
    (d) => edit(d, 'deploy/k8s/overlays/fleet-example/site-services.yaml', 'heatgrid-control-3', 'heatgrid-control-4'),
    ['deploy/k8s/overlays/fleet-example', '(rendered) Service/heatgrid-api-campus-d /spec/selector', 'selects no pod']],
  ['k8s (rendered): probe on an undeclared port name',
    (d) => edit(d, CONTROL, 'path: /q/health/ready\n              port: http', 'path: /q/health/ready\n              port: https'),
    ['(rendered) StatefulSet/heatgrid-control', 'readinessProbe', "no container port named 'https'"]],
  ['k8s: YAML syntax error',
    (d) => edit(d, 'deploy/k8s/base/grafana/service.yaml', '  type: ClusterIP\n', '  type: ClusterIP\n    oops: [\n'),
    ['grafana/service.yaml', 'YAML']],
  ['mirror: copy differs from deploy/grafana',
    (d) => fs.appendFileSync(path.join(d, 'deploy/k8s/base/grafana/dashboards/heatgrid-cluster.json'), ' '),
    ['deploy/k8s/base/grafana/dashboards/heatgrid-cluster.json', 'differs from its source', '--sync']],
  ['compose: unknown key (restart_policy)',
    (d) => edit(d, COMPOSE, '    image: influxdb:1.8.10\n', '    image: influxdb:1.8.10\n    restart_policy: always\n'),
    [COMPOSE, '/services/influxdb', "unknown key 'restart_policy'"]],
  ['compose: bad enum value (condition: service_ready)',
    (d) => edit(d, COMPOSE, 'condition: service_healthy', 'condition: service_ready'),
    [COMPOSE, '/depends_on/', 'condition', 'service_healthy']],
  ['compose: wrong type (retries: "six")',
    (d) => edit(d, COMPOSE, 'retries: 6', 'retries: six'),
    [COMPOSE, '/healthcheck/retries', 'must be number']],
  ['compose: mounted file missing',
    (d) => edit(d, COMPOSE, '../influxdb/influxdb.conf:', '../influxdb/influx.conf:'),
    [COMPOSE, '/services/influxdb/volumes/0', "'../influxdb/influx.conf' does not exist"]],
  ['compose: secret file not made by make-secrets.sh',
    (d) => edit(d, COMPOSE, 'file: ./secrets/grafana-admin-password', 'file: ./secrets/grafana-password'),
    [COMPOSE, '/secrets/grafana_admin_password/file', 'not made by make-secrets.sh']],
  ['compose: port published on every interface',
    (d) => edit(d, COMPOSE, '"127.0.0.1:8080:8080"', '"8080:8080"'),
    [COMPOSE, '/services/control-service/ports/0', '127.0.0.1 only']],
  ['compose: image not pinned',
    (d) => edit(d, COMPOSE, 'image: grafana/grafana-oss:11.6.0', 'image: grafana/grafana-oss'),
    [COMPOSE, '/services/grafana/image', 'pin a version']],
  ['compose: waits for a service without healthcheck',
    (d) => edit(d, COMPOSE, '    healthcheck:\n      test: ["CMD", "curl"', '    x-healthcheck:\n      test: ["CMD", "curl"'),
    [COMPOSE, '/services/grafana/depends_on/influxdb', 'has no healthcheck']],
  ['compose: mosquitto.conf drifts from deploy/mosquitto',
    (d) => edit(d, 'deploy/compose/mosquitto.conf', 'allow_anonymous false', 'allow_anonymous true'),
    ['deploy/compose/mosquitto.conf', "missing 'allow_anonymous false'"]],
];

export async function selfTest(root, runChecks) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'heatgrid-deploy-selftest-'));
  const opts = { composeCli: false };
  let passed = 0;
  let failed = 0;
  try {
    const fresh = (name) => {
      const d = path.join(tmp, name);
      copyTree(root, d);
      return d;
    };
    const base = await runChecks(fresh('unbroken'), opts);
    if (base.errors.length) {
      failed++;
      console.log(`FAIL the unbroken copy has errors:\n  ${base.errors.join('\n  ')}`);
    } else {
      passed++;
      console.log('ok   the unbroken copy passes');
    }
    for (const [i, [name, breakIt, expect]] of CASES.entries()) {
      const d = fresh(`case-${i}`);
      let report;
      try {
        breakIt(d);
        // kubectl renders only where the case is about the rendered overlay (it is the slow part).
        report = await runChecks(d, { ...opts, kubectl: name.includes('(rendered)') ? undefined : false });
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}: ${e.message}`);
        continue;
      }
      const hit = report.errors.find((e) => expect.every((s) => e.includes(s)));
      if (hit) {
        passed++;
        console.log(`ok   ${name}\n       ERROR ${hit}`);
      } else {
        failed++;
        console.log(`FAIL ${name}: no error containing ${JSON.stringify(expect)}; got:\n  ${report.errors.join('\n  ') || '(no errors)'}`);
      }
      fs.rmSync(d, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
