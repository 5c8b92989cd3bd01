#!/usr/bin/env node
// Reads a V8 .cpuprofile (from `node --cpu-prof`) and lists where the time went: the top functions by self time,
// self time per package (our workspace packages, npm packages, Node internals, GC), and our own functions by
// total (inclusive) time.
//
//   node summarize-cpu-profile.mjs FILE.cpuprofile [--top 25]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which package a script URL belongs to: `@tollgate/<name>`, an npm package name, `node:internal`, or `(vm)`. */
export function packageOf(url) {
  if (!url) return '(native / vm)';
  if (url.startsWith('node:')) return 'node:internal';
  const npm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (npm) return npm[1];
  const workspace = /\/(apps|packages|tools)\/([^/]+)\//.exec(url);
  if (workspace) return `@tollgate/${workspace[2]}`;
  return 'other';
}

function frameLabel(callFrame) {
  const name = callFrame.functionName || '(anonymous)';
  if (!callFrame.url) return name;
  const file = callFrame.url.replace(/^file:\/\//, '').split(/\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/).pop().replace(/^.*\/(apps|packages|tools)\//, '$1/');
  return `${name}  ${file}:${callFrame.lineNumber + 1}`;
}

/** Self and total milliseconds per function and self milliseconds per package. */
export function summarizeCpuProfile(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfMs = new Map();
  const totalMs = new Map();
  const packageMs = new Map();
  let profiledMs = 0;
  const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
  const { samples, timeDeltas } = profile;
  for (let index = 0; index < samples.length; index += 1) {
    // A sample's duration is the gap to the next one (the last gets the previous gap).
    const durationMs = (timeDeltas[index + 1] ?? timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(samples[index]);
    profiledMs += durationMs;
    const label = frameLabel(node.callFrame);
    add(selfMs, label, durationMs);
    const special = /^\((idle|garbage collector|program)\)$/.test(node.callFrame.functionName);
    add(packageMs, special ? node.callFrame.functionName : packageOf(node.callFrame.url), durationMs);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parentOf.get(id)) {
      const ancestor = frameLabel(byId.get(id).callFrame);
      if (!seen.has(ancestor)) {
        seen.add(ancestor);
        add(totalMs, ancestor, durationMs);
      }
    }
  }
  const idleMs = packageMs.get('(idle)') ?? 0;
  const sorted = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { profiledMs, busyMs: profiledMs - idleMs, self: sorted(selfMs), total: sorted(totalMs), packages: sorted(packageMs) };
}

/** Text report: shares are of busy (non-idle) time. */
export function renderCpuProfileSummary(summary, { top = 25 } = {}) {
  const share = (milliseconds) => `${((milliseconds / summary.busyMs) * 100).toFixed(1).padStart(5)} %`;
  const lines = [`profiled ${(summary.profiledMs / 1000).toFixed(1)} s, busy ${(summary.busyMs / 1000).toFixed(1)} s (shares below are of busy time)`, '', 'self time by package:'];
  for (const [name, milliseconds] of summary.packages.filter(([name]) => name !== '(idle)').slice(0, 15)) lines.push(`  ${share(milliseconds)}  ${name}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [label, milliseconds] of summary.self.filter(([label]) => !label.startsWith('(idle)')).slice(0, top)) lines.push(`  ${share(milliseconds)}  ${label}`);
  lines.push('', `our code (apps/, packages/) by total time, top ${top}:`);
  for (const [label, milliseconds] of summary.total.filter(([label]) => /\s(apps|packages)\//.test(label)).slice(0, top)) lines.push(`  ${share(milliseconds)}  ${label}`);
  return lines.join('\n');
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex === -1 ? 25 : Number(args.splice(topIndex, 2)[1]);
  if (args.length !== 1) {
    console.error('usage: node summarize-cpu-profile.mjs FILE.cpuprofile [--top N]');
    process.exit(2);
  }
  console.log(renderCpuProfileSummary(summarizeCpuProfile(JSON.parse(fs.readFileSync(args[0], 'utf8'))), { top }));
}
