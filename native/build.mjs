// Builds the addon with the node-gyp that npm bundles, against this Node's own headers when they
// are installed next to it, so a machine without internet never needs node-gyp's header download.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const nativeDir = path.dirname(fileURLToPath(import.meta.url));

function findNodeGyp() {
  // npm exports the path of its bundled node-gyp to every script it runs.
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && existsSync(fromNpm)) return fromNpm;
  const npmDir = path.resolve(process.execPath, '../../lib/node_modules/npm');
  try {
    return createRequire(path.join(npmDir, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return null;
  }
}

function localHeaders() {
  if (process.env.npm_config_nodedir) return null; // the user chose; node-gyp reads it itself
  const prefix = path.resolve(process.execPath, '../..');
  return existsSync(path.join(prefix, 'include/node/node_api.h')) ? prefix : null;
}

const nodeGyp = findNodeGyp();
if (!nodeGyp) {
  console.error('build:native: node-gyp not found (it ships with npm; run this through npm)');
  process.exit(1);
}
const args = [nodeGyp, 'rebuild', '--directory', nativeDir];
const nodedir = localHeaders();
if (nodedir) args.push(`--nodedir=${nodedir}`);
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
