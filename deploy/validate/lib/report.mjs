// What the checks found: errors (the check fails), warnings and notes (printed only), each with
// the file (relative to the repository root), the resource and the JSON path where it applies.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export class Report {
  constructor(root) {
    this.root = root;
    this.errors = [];
    this.warnings = [];
    this.notes = [];
  }

  rel(file) {
    return path.relative(this.root, file) || '.';
  }

  /** file: absolute path; where: e.g. "StatefulSet/heatgrid-control /spec/replicas" or "". */
  error(file, where, message) {
    const line = `${this.rel(file)}: ${where ? `${where}: ` : ''}${message}`;
    if (!this.errors.includes(line)) this.errors.push(line);
  }

  warn(message) {
    this.warnings.push(message);
  }

  note(message) {
    this.notes.push(message);
  }
}

/** A JSON pointer of a key path: ['spec', 'a/b', 0] -> /spec/a~1b/0. */
export function pointer(keys) {
  return keys.map((k) => `/${String(k).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * The YAML documents of a file as plain objects (empty documents dropped). Syntax errors,
 * duplicate keys included, are reported with their line and give [].
 */
export function loadYaml(report, file, text = undefined) {
  let src = text;
  if (src === undefined) {
    try {
      src = fs.readFileSync(file, 'utf8');
    } catch (e) {
      report.error(file, '', `cannot read: ${e.message}`);
      return [];
    }
  }
  const docs = parseAllDocuments(src, { prettyErrors: true, uniqueKeys: true });
  const out = [];
  for (const doc of docs) {
    if (doc.errors?.length) {
      for (const e of doc.errors) report.error(file, '', `YAML: ${e.message.split('\n')[0]}`);
      return [];
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

export function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isDir(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under dir (relative paths, sorted), skipping node_modules and dot folders. */
export function walk(dir) {
  const out = [];
  const rec = (d, prefix) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules' || (e.isDirectory() && e.name.startsWith('.'))) continue;
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) rec(path.join(d, e.name), rel);
      else out.push(rel);
    }
  };
  if (isDir(dir)) rec(dir, '');
  return out;
}
