package io.jenkins.plugins.securepipeline.plugin.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import io.jenkins.plugins.securepipeline.plugin.role.AwsRoleSession;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerAws;
import io.jenkins.plugins.securepipeline.plugin.role.ControllerIdentity;
import io.jenkins.plugins.securepipeline.role.CredentialSource;
import io.jenkins.plugins.securepipeline.role.RoleAssumer;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No step gets AWS credentials without a policy decision: the ways to credentials are few, and each may be taken only
 * by the class that makes the decision in front of it. StepAwsCredentials decides for steps (role block, or a
 * controller identity rule); assumeCrossAccountRole evaluates the account rules before STS; a role session re-checks
 * them at each renewal; ControllerAws serves readers the administrator configured (freeze calendars) and the
 * connection test of the administrator's form.
 */
class AwsCredentialsArchitectureTest {
    private static final String ROLE = "io.jenkins.plugins.securepipeline.plugin.role.";
    private static final String WINDOW = "io.jenkins.plugins.securepipeline.plugin.window.";

    @Test
    void onlyStepAwsCredentialsHandsTheControllerIdentityOrARoleSessionToSteps() {
        noClasses().that(notIn(ROLE + "StepAwsCredentials"))
                .should().accessTargetWhere(calls(ControllerAws.class, "controllerIdentity"))
                .orShould().accessTargetWhere(calls(AwsRoleSession.class, "credentialsProvider"))
                .because("a step outside a role block needs a controller identity rule (StepAwsCredentials decides)")
                .check(PluginClasses.IMPORTED);
    }

    @Test
    void onlyAdministratorCalendarsReadWithAnAdministratorConfiguredRole() {
        noClasses().that(notIn(WINDOW + "FreezeCalendars"))
                .should().accessTargetWhere(calls(ControllerAws.class, "forAdminConfiguredReader"))
                .because("the role is the administrator's choice only where the administrator configured it")
                .check(PluginClasses.IMPORTED);
    }

    @Test
    void onlyTheDecidingClassesReachTheControllerIdentityOrStsDirectly() {
        DescribedPredicate<JavaClass> deciding = notIn(ROLE + "ControllerAws", ROLE + "AwsRoleSession",
                ROLE + "AssumeCrossAccountRoleExecution", ROLE + "RoleConnectionTest");
        noClasses().that(deciding)
                .should().accessTargetWhere(calls(ControllerIdentity.class, "credentialSource"))
                .orShould().dependOnClassesThat().areAssignableTo(RoleAssumer.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CredentialSource.Chained.class.getName())
                .because("these paths evaluate the account rules, or are the administrator's own connection test")
                .check(PluginClasses.IMPORTED);
    }

    @Test
    void noStepBuildsSdkCredentialsOfItsOwn() {
        noClasses().that(notIn(ROLE + "ControllerAws", ROLE + "AccessKeyIdentity"))
                .should().accessTargetWhere(createsSdkCredentials())
                .because("credentials come from StepAwsCredentials, never from the SDK's default chain or static keys")
                .check(PluginClasses.IMPORTED);
    }

    /** Constructors and factories of the SDK's credentials and providers; reading a given session's fields is fine. */
    private static DescribedPredicate<JavaAccess<?>> createsSdkCredentials() {
        return DescribedPredicate.describe("creates SDK credentials or a credentials provider",
                access -> access.getTargetOwner().getPackageName().equals("software.amazon.awssdk.auth.credentials")
                        && Set.of("<init>", "create", "builder").contains(access.getName()));
    }

    private static DescribedPredicate<JavaClass> notIn(String... outerClassNames) {
        Set<String> names = Set.of(outerClassNames);
        return DescribedPredicate.describe("are not " + names, c -> {
            String outer = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
            return !names.contains(outer);
        });
    }

    private static DescribedPredicate<JavaAccess<?>> calls(Class<?> owner, String method) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + method,
                access -> access.getName().equals(method) && access.getTargetOwner().isAssignableTo(owner));
    }
}
