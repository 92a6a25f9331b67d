// Peer benchmark: load every CloudFormation template under a directory with aws-cdk-lib's CfnInclude and run
// cdk-nag's AwsSolutionsChecks on it, all in one Node process (as our CLI scans all in one JVM).
// Usage: NODE_PATH=/tmp/cdknag/node_modules node cdknag-scan.js DIR
// Prints: templates loaded, templates that failed to load, findings (errors + warnings annotations).
'use strict';
const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const root = process.argv[2];
if (!root) {
  console.error('usage: node cdknag-scan.js DIR');
  process.exit(2);
}
const extensions = ['.json', '.yaml', '.yml', '.template'];
function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, out);
    } else if (extensions.some((e) => entry.name.toLowerCase().endsWith(e))) {
      out.push(full);
    }
  }
  return out;
}

let loaded = 0;
let failed = 0;
let findings = 0;
for (const file of walk(root, []).sort()) {
  const outdir = fs.mkdtempSync('/tmp/cdknag-out-');
  try {
    const app = new cdk.App({ outdir });
    const stack = new cdk.Stack(app, 'Scanned');
    new CfnInclude(stack, 'Template', { templateFile: file });
    cdk.Aspects.of(app).add(new AwsSolutionsChecks({ verbose: false }));
    const assembly = app.synth();
    for (const message of assembly.getStackArtifact(stack.artifactId).messages) {
      if (message.level === 'error' || message.level === 'warning') findings++;
    }
    loaded++;
  } catch (e) {
    failed++;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
console.log(`cdk-nag: ${loaded} templates checked, ${failed} failed to load, ${findings} findings`);
