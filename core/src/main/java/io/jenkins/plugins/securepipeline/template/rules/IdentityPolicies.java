package io.jenkins.plugins.securepipeline.template.rules;

import io.jenkins.plugins.securepipeline.template.Resource;
import io.jenkins.plugins.securepipeline.template.TemplateNode;
import java.util.ArrayList;
import java.util.List;

/** Where identity policy documents live in each IAM and SAM resource type. */
public final class IdentityPolicies {
    public static final List<String> TYPES = List.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
            "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy",
            "AWS::IAM::GroupPolicy", "AWS::Serverless::Function", "AWS::Serverless::StateMachine");

    private IdentityPolicies() {}

    /** Every Allow or Deny statement of the resource's permission policies (not its trust policy). */
    public static List<PolicyStatement> statements(Resource resource) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (TemplateNode document : documents(resource)) {
            statements.addAll(PolicyStatement.of(document));
        }
        return statements;
    }

    private static List<TemplateNode> documents(Resource resource) {
        List<TemplateNode> documents = new ArrayList<>();
        TemplateNode own = resource.property("PolicyDocument");
        if (own != null) {
            documents.add(own);
        }
        TemplateNode policies = resource.property("Policies");
        if (policies != null) {
            for (TemplateNode policy : policies.asList()) {
                if (policy.get("PolicyDocument") != null) {
                    documents.add(policy.get("PolicyDocument"));
                } else if (policy.get("Statement") != null) {
                    documents.add(policy); // SAM: inline policy documents directly in Policies
                }
            }
        }
        return documents;
    }
}
