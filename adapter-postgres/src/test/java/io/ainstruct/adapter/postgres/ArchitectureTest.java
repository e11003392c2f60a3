package io.ainstruct.adapter.postgres;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.repository.GenericRepository;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Persistence stays an implementation detail: other modules see only the domain's ports. */
@AnalyzeClasses(packages = "io.ainstruct.adapter.postgres", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherAdapterNorOuterRing = noClasses()
            .that().resideInAPackage("io.ainstruct.adapter.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.ainstruct.application..", "io.ainstruct.bootstrap..")
            .orShould().dependOnClassesThat(describe(
                    "belong to another adapter",
                    type -> type.getPackageName().startsWith("io.ainstruct.adapter.")
                            && !type.getPackageName().startsWith("io.ainstruct.adapter.postgres")));

    @ArchTest
    static final ArchRule mappedEntitiesAreNotPublic = classes()
            .that().areAnnotatedWith(MappedEntity.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule dataRepositoriesAreNotPublic = classes()
            .that().areInterfaces().and().areAssignableTo(GenericRepository.class)
            .should().notBePublic();
}
