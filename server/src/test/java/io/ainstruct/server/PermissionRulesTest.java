package io.ainstruct.server;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No entry point decides a permission: what a caller may do is the application's {@code Capabilities}. An entry point
 * that read a caller's scopes, superuser flag or token permission, or told callers apart by their type, would be
 * deciding one again.
 */
class PermissionRulesTest {
    private static final String[] ENTRY_POINTS = {"io.ainstruct.adapter.rest..", "io.ainstruct.adapter.mcp..",
            "io.ainstruct.adapter.web..", "io.ainstruct.adapter.cli.."};
    private static final Set<String> CALLER_TYPES = Set.of(Caller.Person.class.getName(),
            Caller.CollectionToken.class.getName());

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ainstruct.adapter");

    @Test
    void theRuleSeesEveryEntryPoint() {
        assertThat(CLASSES.stream().map(JavaClass::getSimpleName))
                .contains("DocumentController", "ToolCatalog", "TokenPages", "MigrateCommand");
    }

    @Test
    void noEntryPointReadsWhatACallerMayDo() {
        noClasses().that().resideInAnyPackage(ENTRY_POINTS)
                .should().callMethod(Caller.Person.class, "has", Scope.class)
                .orShould().callMethod(Caller.Person.class, "scopes")
                .orShould().callMethod(Caller.Person.class, "superuser")
                .orShould().callMethod(Caller.CollectionToken.class, "permission")
                .orShould().callMethod(Permission.class, "allowsWrite")
                .check(CLASSES);
    }

    @Test
    void noEntryPointTellsCallersApartByTheirType() {
        noClasses().that().resideInAnyPackage(ENTRY_POINTS).should(checkInstanceOf()).check(CLASSES);
    }

    private static ArchCondition<JavaClass> checkInstanceOf() {
        return new ArchCondition<>("check whether a caller is a person or a collection token") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getCodeUnits().forEach(unit -> unit.getInstanceofChecks().stream()
                        .filter(check -> CALLER_TYPES.contains(check.getRawType().getName()))
                        .forEach(check -> events.add(SimpleConditionEvent.satisfied(check, unit.getFullName() + " checks instanceof "
                                + check.getRawType().getSimpleName() + " " + check.getSourceCodeLocation()))));
            }
        };
    }
}
