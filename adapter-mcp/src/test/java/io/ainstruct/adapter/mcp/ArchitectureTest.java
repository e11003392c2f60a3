package io.ainstruct.adapter.mcp;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP entry point's boundary: it calls use cases (the application) and reads the domain's values, never ports or
 * persistence, never another adapter, never the composition root (the server module starts it).
 */
class ArchitectureTest {
    private static final JavaClasses MCP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ainstruct.adapter.mcp");

    @Test
    void theRulesSeeTheWholeModule() {
        assertThat(MCP.stream().map(JavaClass::getSimpleName))
                .contains("McpProtocol", "McpHttpController", "StdioServer", "ToolCatalog", "DocumentTools");
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
    void neverTheCompositionRoot() {
        noClasses().that().resideInAPackage("io.ainstruct.adapter.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage("io.ainstruct.bootstrap..", "io.ainstruct.server..")
                .check(MCP);
    }
}
