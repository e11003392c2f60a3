package io.ainstruct.adapter.extraction;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

@AnalyzeClasses(packages = "io.ainstruct.adapter.extraction", importOptions = ImportOption.DoNotIncludeTests.class)
class ExtractionAdapterArchitectureTest {

    /** No framework: bootstrap builds these, so the adapter stays plain Java over its three libraries. */
    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkTheDomainAndItsLibraries = classes()
            .that().resideInAPackage("io.ainstruct.adapter.extraction..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "io.ainstruct.domain..",
                    "io.ainstruct.adapter.extraction..",
                    "org.apache.pdfbox..",
                    "org.apache.poi..",
                    "org.jsoup..");
}
