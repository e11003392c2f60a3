package io.ainstruct.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The domain is the centre of the house: it knows the JDK and itself, nothing else. */
@AnalyzeClasses(packages = "io.ainstruct.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainDependencyRulesTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that().resideInAPackage("io.ainstruct.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.ainstruct.domain..");
}
