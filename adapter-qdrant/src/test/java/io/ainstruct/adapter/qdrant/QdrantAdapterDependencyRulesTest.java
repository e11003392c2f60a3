package io.ainstruct.adapter.qdrant;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** An adapter plugs one port into the outside world; it never reaches into another adapter, the use cases or a framework. */
@AnalyzeClasses(packages = "io.ainstruct.adapter.qdrant", importOptions = ImportOption.DoNotIncludeTests.class)
class QdrantAdapterDependencyRulesTest {

    @ArchTest
    static final ArchRule noOtherAdapterNorApplicationNorFramework = noClasses()
            .that().resideInAPackage("io.ainstruct.adapter.qdrant..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.ainstruct.adapter.postgres..",
                    "io.ainstruct.adapter.embedding..",
                    "io.ainstruct.adapter.security..",
                    "io.ainstruct.adapter.rest..",
                    "io.ainstruct.adapter.mcp..",
                    "io.ainstruct.bootstrap..",
                    "io.ainstruct.application..",
                    "io.micronaut..");
}
