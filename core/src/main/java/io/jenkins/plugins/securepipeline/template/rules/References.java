package io.jenkins.plugins.securepipeline.template.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The equivalent rule IDs in the peer scanners, so that existing suppressions and policies written for them
 * keep working and users can map their reports.
 */
public record References(List<String> cfnNag, List<String> checkov, List<String> cdkNag) {
    public static final References NONE = new References(List.of(), List.of(), List.of());

    /** Sorts IDs by their shape: CKV... is checkov, AwsSolutions-... is cdk-nag, the rest (F1, W2) is cfn_nag. */
    public static References of(String... ids) {
        List<String> cfnNag = new ArrayList<>();
        List<String> checkov = new ArrayList<>();
        List<String> cdkNag = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("CKV")) {
                checkov.add(id);
            } else if (id.startsWith("AwsSolutions-")) {
                cdkNag.add(id);
            } else if (id.matches("[FW]\\d+")) {
                cfnNag.add(id);
            } else {
                throw new IllegalArgumentException("not a peer rule ID: " + id);
            }
        }
        return new References(List.copyOf(cfnNag), List.copyOf(checkov), List.copyOf(cdkNag));
    }

    public boolean contains(String id) {
        return cfnNag.contains(id) || checkov.contains(id) || cdkNag.contains(id);
    }

    public List<String> all() {
        List<String> all = new ArrayList<>(cfnNag);
        all.addAll(checkov);
        all.addAll(cdkNag);
        return all;
    }
}
