package io.jenkins.plugins.securepipeline.benchmarks.template;

import io.jenkins.plugins.securepipeline.template.ScanResult;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process scanTemplate throughput (read, evaluate, all rules, suppressions), without JVM start-up.
 * {@code scanCorpus} scans a directory of real templates (default: the aws-cloudformation-templates checkout in
 * /tmp/cfn-templates, see docs/benchmarks.md); {@code scanGeneratedTemplate} scans one generated template of 300
 * resources with conditions, so it runs anywhere.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TemplateScanBenchmark {
    @Param("/tmp/cfn-templates")
    public String corpus;

    private final TemplateScanner scanner = new TemplateScanner();
    private Path generated;

    @Setup(Level.Trial)
    public void writeGeneratedTemplate() throws IOException {
        StringBuilder yaml = new StringBuilder("Parameters:\n  Env: {Type: String}\nConditions:\n"
                + "  Prod: !Equals [!Ref Env, prod]\nResources:\n");
        for (int i = 0; i < 100; i++) {
            yaml.append("  Bucket").append(i).append(":\n    Type: AWS::S3::Bucket\n    Properties:\n")
                    .append("      AccessControl: !If [Prod, Private, PublicRead]\n")
                    .append("      BucketName: !Sub 'app-${Env}-").append(i).append("'\n");
            yaml.append("  Group").append(i).append(":\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n")
                    .append("      GroupDescription: g\n      SecurityGroupIngress:\n")
                    .append("        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n");
            yaml.append("  Role").append(i).append(":\n    Type: AWS::IAM::Role\n    Properties:\n")
                    .append("      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]}\n")
                    .append("      Policies: [{PolicyName: p, PolicyDocument: {Statement: [{Effect: Allow, Action: ['s3:GetObject', 'ec2:Describe*'], Resource: '*'}]}}]\n");
        }
        generated = Files.createTempFile("scan-benchmark", ".yaml");
        Files.writeString(generated, yaml);
    }

    @TearDown(Level.Trial)
    public void deleteGeneratedTemplate() throws IOException {
        Files.deleteIfExists(generated);
    }

    @Benchmark
    public ScanResult scanGeneratedTemplate() throws IOException {
        return scanner.scan(List.of(generated), Severity.HIGH);
    }

    @Benchmark
    public ScanResult scanCorpus() throws IOException {
        Path dir = Path.of(corpus);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(corpus + " is not a directory: fetch the template collection first "
                    + "(docs/benchmarks.md) or pass -p corpus=DIR");
        }
        return scanner.scan(List.of(dir), Severity.HIGH);
    }
}
