#!/bin/sh
# Large-input check for scan-template (issue 14, "Bounded on big input"): runs the launcher, which gives the JVM a
# 128 MB heap, on generated inputs and checks each ends with its proper exit code, never 1 from an error.
#   ./mvnw -B -q -Poffline package -DskipTests && sh benchmarks/scripts/bounded-input.sh
# Inputs go to a fresh temporary directory, removed at the end.
set -eu
LAUNCHER=${LAUNCHER:-cli/target/secure-pipeline}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM

python3 - "$WORK" <<'PY'
import base64, os, sys
work = sys.argv[1]
# About 10 MB and 58,000 resources: queues, buckets and security groups open to SSH (so there are findings to hold).
tags = ", Tags: [{Key: o, Value: v%d}]"
kinds = [("AWS::SQS::Queue", "{QueueName: queue-%d, SqsManagedSseEnabled: true, VisibilityTimeout: 30" + tags + "}"),
         ("AWS::S3::Bucket", "{BucketName: bucket-%d, VersioningConfiguration: {Status: Enabled}" + tags + "}"),
         ("AWS::EC2::SecurityGroup", "{GroupDescription: group %d, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}], VpcId: vpc-%d}")]
with open(os.path.join(work, "big.yaml"), "w") as out:
    out.write("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n")
    for i in range(58000):
        kind, props = kinds[i % 3]
        out.write("  Resource%d:\n    Type: %s\n    Properties: %s\n" % (i, kind, props % (i, i)))
# One 9 MB scalar: base64 user data in a block scalar (77-character lines), as a large real template would carry
# it; with its indentation the file stays under the 10 MB limit.
data = base64.encodebytes(os.urandom(9 * 1024 * 1024 * 57 // 77)).decode()
with open(os.path.join(work, "scalar.yaml"), "w") as out:
    out.write("Resources:\n  Instance:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      UserData: |\n")
    out.writelines("        " + line + "\n" for line in data.splitlines())
# The same 9 MB of base64 as ONE unbroken token (no space, no line break), in every form a template can carry it:
# a plain scalar, a double-quoted and a single-quoted YAML string, a JSON string value (in a .json file and in a
# .yaml file that starts like JSON), and a YAML flow map that is not JSON.
token = base64.b64encode(os.urandom(9 * 1024 * 1024 * 3 // 4)).decode()
head = "Resources:\n  Instance:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      UserData: "
forms = {"token-plain.yaml": head + token + "\n",
         "token-double-quoted.yaml": head + '"' + token + '"\n',
         "token-single-quoted.yaml": head + "'" + token + "'\n",
         "token.json": '{"Resources": {"Instance": {"Type": "AWS::EC2::Instance", "Properties": {"UserData": "' + token + '"}}}}\n',
         "token-json-like.yaml": '{"Resources": {"Instance": {"Type": "AWS::EC2::Instance", "Properties": {"UserData": "' + token + '"}}}}\n',
         "token-flow.yaml": "{Resources: {Instance: {Type: AWS::EC2::Instance, Properties: {UserData: " + token + "}}}}\n"}
for name, text in forms.items():
    with open(os.path.join(work, name), "w") as out:
        out.write(text)
# 5,000 small templates, each with findings, for the streaming reports.
os.mkdir(os.path.join(work, "many"))
for i in range(5000):
    with open(os.path.join(work, "many", "stack-%04d.yaml" % i), "w") as out:
        out.write("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Open:\n    Type: AWS::EC2::SecurityGroup\n"
                  "    Properties: {GroupDescription: g, SecurityGroupIngress: [{IpProtocol: '-1', CidrIp: 0.0.0.0/0}]}\n")
PY

check() { # expected-exit description command...
    expected=$1; what=$2; shift 2
    start=$(date +%s)
    set +e
    "$@" > "$WORK/out.txt" 2> "$WORK/err.txt"
    status=$?
    set -e
    end=$(date +%s)
    echo "$what: exit $status in $((end - start)) s"
    if [ "$status" -ne "$expected" ]; then
        echo "  expected exit $expected; stderr:"; sed 's/^/  /' "$WORK/err.txt" | head -5
        exit 1
    fi
}

ls -l "$WORK/big.yaml" "$WORK/scalar.yaml" "$WORK"/token*
check 1 "10 MB template, 58,000 resources (blocking findings)" \
    "$LAUNCHER" scan-template --format json --output "$WORK/big.json" "$WORK/big.yaml"
check 0 "9 MB scalar" "$LAUNCHER" scan-template "$WORK/scalar.yaml"
for form in token-plain.yaml token-double-quoted.yaml token-single-quoted.yaml token.json token-json-like.yaml token-flow.yaml; do
    check 0 "9 MB one-token scalar, $form" "$LAUNCHER" scan-template "$WORK/$form"
done
check 1 "5,000 templates, SARIF" "$LAUNCHER" scan-template --format sarif --output "$WORK/many.sarif" "$WORK/many"
check 1 "5,000 templates, JSON to stdout" "$LAUNCHER" scan-template --format json "$WORK/many"
echo "all within the launcher's 128 MB heap"
