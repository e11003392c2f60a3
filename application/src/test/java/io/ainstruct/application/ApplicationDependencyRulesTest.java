package io.ainstruct.application;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The use cases know the domain and the JDK, and nothing of frameworks, databases or the web. */
@AnalyzeClasses(packages = "io.ainstruct.application", importOptions = ImportOption.DoNotIncludeTests.class)
class ApplicationDependencyRulesTest {

    @ArchTest
    static final ArchRule depends_only_on_the_jdk_jakarta_inject_and_the_domain = classes()
            .that().resideInAPackage("io.ainstruct.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "jakarta.inject..", "io.ainstruct.domain..", "io.ainstruct.application..");
}
