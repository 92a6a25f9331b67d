#!/bin/sh
# Records what the real cfn-guard decides for every rule file x template pair of this corpus, into expected.tsv
# (rule file, template, rule, PASS|FAIL|SKIP, or ERROR when cfn-guard refuses the pair).
# The binary comes from the npm package @cdklabs/cdk-validator-cfnguard (cfn-guard 3.1.1), installed outside the
# repository:  mkdir -p /tmp/cfnguard && cd /tmp/cfnguard && npm install @cdklabs/cdk-validator-cfnguard
# then:        CFN_GUARD=/tmp/cfnguard/node_modules/@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard sh record-expectations.sh
set -eu
cd "$(dirname "$0")"
: "${CFN_GUARD:?set CFN_GUARD to the cfn-guard binary}"
"$CFN_GUARD" --version
out=expected.tsv
printf '# rules\ttemplate\trule\tstatus  (recorded with %s by record-expectations.sh)\n' "$("$CFN_GUARD" --version)" > "$out"
for rules in rules/*.guard; do
  for template in templates/*; do
    json=$("$CFN_GUARD" validate -r "$rules" -d "$template" -o json --show-summary none 2>/dev/null) || true
    if ! printf '%s' "$json" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; then
      printf '%s\t%s\t*\tERROR\n' "$(basename "$rules")" "$(basename "$template")" >> "$out"
      continue
    fi
    printf '%s' "$json" | python3 -c '
import json, sys
rules, template = sys.argv[1], sys.argv[2]
d = json.load(sys.stdin)
rows = []
for r in d["not_compliant"]:
    rows.append((r["Rule"]["name"], "FAIL"))
for name in d["compliant"]:
    rows.append((name, "PASS"))
for name in d["not_applicable"]:
    rows.append((name, "SKIP"))
for name, status in sorted(rows):
    if name == rules + "/default":
        name = "default"
    print("\t".join([rules, template, name, status]))
' "$(basename "$rules")" "$(basename "$template")" >> "$out"
  done
done
echo "wrote $(grep -vc '^#' "$out") rows to $out"
