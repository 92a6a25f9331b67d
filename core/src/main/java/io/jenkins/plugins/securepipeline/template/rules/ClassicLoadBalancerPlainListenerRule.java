package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.Severity;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.Locale;

/**
 * A classic load balancer listener that passes traffic unencrypted: clients connect over plain HTTP, or an HTTPS
 * or SSL listener sends the decrypted traffic on to the instances over HTTP or TCP.
 *
 * <p>cdk-nag's AwsSolutions-ELB5 is described as the client side but its check is the instance side only: it
 * reports HTTPS to HTTP and SSL to TCP, and accepts an HTTP listener. Both sides are reported here; the client
 * side as ASP-ELB-001 does for ALB listeners (a classic load balancer cannot redirect, so every HTTP listener
 * serves content). A TCP listener is not reported, since it may pass TLS through to the instances (ASP-ELB-001
 * leaves TCP listeners alone too). A missing InstanceProtocol is not reported, as in cdk-nag, and unknown values
 * (parameters without Default, GetAtt) are not judged.
 */
public final class ClassicLoadBalancerPlainListenerRule extends TemplateRule {
    public ClassicLoadBalancerPlainListenerRule() {
        super("ASP-ELB-006", Severity.MEDIUM, "Classic load balancer listener passes traffic unencrypted",
                "Use Protocol HTTPS or SSL with an ACM certificate (SSLCertificateId), and InstanceProtocol HTTPS or"
                        + " SSL so traffic stays encrypted to the instances.",
                types("AWS::ElasticLoadBalancing::LoadBalancer"), refs("AwsSolutions-ELB5"));
    }

    @Override
    public void check(Resource resource, TemplateContext template, RuleFindings out) {
        TemplateNode listeners = resource.property("Listeners");
        if (listeners == null || !listeners.isList()) {
            return; // Listeners is required; an unknown list cannot be judged
        }
        for (TemplateNode listener : listeners.items()) {
            TemplateNode protocol = listener.get("Protocol");
            if (protocol == null) {
                continue;
            }
            TemplateNode port = listener.get("LoadBalancerPort");
            String name = port != null && port.isScalar() ? "The listener on port " + port.text().trim() : "A listener";
            TemplateNode instanceProtocol = listener.get("InstanceProtocol");
            if (protocol.is("HTTP")) {
                out.report(protocol, name + " accepts plain HTTP from clients");
            } else if (protocol.is("HTTPS", "SSL") && instanceProtocol != null && instanceProtocol.is("HTTP", "TCP")) {
                out.report(instanceProtocol, name + " decrypts " + upper(protocol) + " and sends the traffic to the"
                        + " instances over plain " + upper(instanceProtocol));
            }
        }
    }

    private static String upper(TemplateNode scalar) {
        return scalar.text().trim().toUpperCase(Locale.ROOT);
    }
}
