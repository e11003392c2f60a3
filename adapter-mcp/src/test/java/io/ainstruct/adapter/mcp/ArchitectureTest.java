package io.ainstruct.adapter.mcp;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP entry point's boundary: it calls use cases (the application) and reads the domain's values, never ports or
 * persistence, never another adapter, and the composition root only to start.
 */
class ArchitectureTest {
    private static final JavaClasses MCP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ainstruct.adapter.mcp");

    @Test
    void theRulesSeeTheWholeModule() {
        assertThat(MCP.stream().map(JavaClass::getSimpleName))
                .contains("McpProtocol", "McpHttpController", "StdioServer", "StdioMain", "ToolCatalog", "DocumentTools");
    }

    @Test
    void neverPortsOrPersistence() {
        noClasses().that().resideInAPackage("io.ainstruct.adapter.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ainstruct.domain.port..", "io.micronaut.data..",
                        "java.sql..", "javax.sql..")
                .check(MCP);
    }

    @Test
    void neverAnotherAdapter() {
        noClasses().that().resideInAPackage("io.ainstruct.adapter.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ainstruct.adapter.rest..",
                        "io.ainstruct.adapter.postgres..", "io.ainstruct.adapter.embedding..", "io.ainstruct.adapter.security..")
                .check(MCP);
    }

    @Test
    void theCompositionRootOnlyToStart() {
        noClasses().that().resideInAPackage("io.ainstruct.adapter.mcp..")
                .should().dependOnClassesThat(DescribedPredicate.describe("bootstrap internals (anything but AinstructApplication)",
                        (JavaClass c) -> c.getPackageName().startsWith("io.ainstruct.bootstrap")
                                && !c.getName().equals("io.ainstruct.bootstrap.AinstructApplication")))
                .check(MCP);
    }
}
