package io.ainstruct.adapter.security;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

@AnalyzeClasses(packages = "io.ainstruct.adapter.security", importOptions = ImportOption.DoNotIncludeTests.class)
class SecurityAdapterArchitectureTest {

    /** No framework: a factory in bootstrap builds these, so the adapter stays plain Java over its two libraries. */
    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkTheDomainAndItsLibraries = classes()
            .that().resideInAPackage("io.ainstruct.adapter.security..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "io.ainstruct.domain..",
                    "io.ainstruct.adapter.security..",
                    "com.nimbusds..",
                    "at.favre..");
}
