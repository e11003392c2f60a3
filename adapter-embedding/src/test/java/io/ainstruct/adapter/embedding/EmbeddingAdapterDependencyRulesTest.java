package io.ainstruct.adapter.embedding;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** An adapter plugs one port into the outside world; it never reaches into another adapter or the use cases. */
@AnalyzeClasses(packages = "io.ainstruct.adapter.embedding", importOptions = ImportOption.DoNotIncludeTests.class)
class EmbeddingAdapterDependencyRulesTest {

    @ArchTest
    static final ArchRule noOtherAdapterNorApplication = noClasses()
            .that().resideInAPackage("io.ainstruct.adapter.embedding..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.ainstruct.adapter.postgres..",
                    "io.ainstruct.adapter.security..",
                    "io.ainstruct.adapter.rest..",
                    "io.ainstruct.bootstrap..",
                    "io.ainstruct.application..");
}
