package io.jenkins.plugins.securepipeline.plugin.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kohsuke.accmod.Restricted;

/**
 * What the access-modifier-checker does in the real build: plugin code may not use a Jenkins member or type marked
 * {@code @Restricted(NoExternalUse.class)} or {@code @Restricted(DoNotUse.class)}. The real classes carry the
 * annotation in the full build; offline, the stubs carry the same annotations as their upstream members. Beta APIs are
 * governed by {@code useBeta} in plugin/pom.xml and are not checked here.
 */
class RestrictedApiArchitectureTest {

    @Test
    void noRestrictedJenkinsApiIsUsed() {
        noClasses().should().accessTargetWhere(DescribedPredicate.describe("a @Restricted(NoExternalUse|DoNotUse) member",
                        (JavaAccess<?> access) -> access.getTarget().resolveMember().map(RestrictedApiArchitectureTest::restricted)
                                .orElse(false) || restricted(access.getTargetOwner())))
                .orShould().dependOnClassesThat(DescribedPredicate.describe("are @Restricted(NoExternalUse|DoNotUse)",
                        RestrictedApiArchitectureTest::restricted))
                .because("the access-modifier-checker of the real build refuses such uses")
                .check(PluginClasses.IMPORTED);
    }

    static boolean restricted(HasAnnotations<?> element) {
        Optional<? extends JavaAnnotation<?>> annotation = element.tryGetAnnotationOfType(Restricted.class.getName());
        if (annotation.isEmpty()) {
            return false;
        }
        Object value = annotation.get().get("value").orElse(new Object[0]);
        return Arrays.stream((Object[]) value).map(v -> ((JavaClass) v).getSimpleName())
                .anyMatch(kind -> kind.equals("NoExternalUse") || kind.equals("DoNotUse"));
    }
}
