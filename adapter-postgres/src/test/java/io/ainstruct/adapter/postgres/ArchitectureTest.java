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

/**
 * Persistence stays an implementation detail: other modules see only the domain's ports. Inside, each sub-package
 * holds one subsystem and they share only {@code shared}; the one crossing is the outbox, which writes the vector
 * change log in the transaction of each event.
 */
@AnalyzeClasses(packages = "io.ainstruct.adapter.postgres", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String PERSISTENCE = "io.ainstruct.adapter.postgres.persistence..";
    private static final String VECTOR_INDEX = "io.ainstruct.adapter.postgres.vectorindex..";
    private static final String ARCHIVE = "io.ainstruct.adapter.postgres.archive..";
    private static final String MIGRATION = "io.ainstruct.adapter.postgres.migration..";
    private static final String KEYWORD_INDEX = "io.ainstruct.adapter.postgres.keywordindex..";
    private static final String SHARED = "io.ainstruct.adapter.postgres.shared..";

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
    static final ArchRule everyClassIsInASubPackage = classes()
            .that().resideInAPackage("io.ainstruct.adapter.postgres..")
            .should().resideInAnyPackage(PERSISTENCE, VECTOR_INDEX, KEYWORD_INDEX, ARCHIVE, MIGRATION, SHARED);

    @ArchTest
    static final ArchRule sharedNeedsNoSubsystem = needsNoneOf(SHARED, PERSISTENCE, VECTOR_INDEX, KEYWORD_INDEX, ARCHIVE,
            MIGRATION);

    @ArchTest
    static final ArchRule vectorIndexNeedsNoOtherSubsystem = needsNoneOf(VECTOR_INDEX, PERSISTENCE, KEYWORD_INDEX, ARCHIVE,
            MIGRATION);

    @ArchTest
    static final ArchRule archiveNeedsNoOtherSubsystem = needsNoneOf(ARCHIVE, PERSISTENCE, VECTOR_INDEX, KEYWORD_INDEX,
            MIGRATION);

    @ArchTest
    static final ArchRule migrationNeedsNoOtherSubsystem = needsNoneOf(MIGRATION, PERSISTENCE, VECTOR_INDEX, KEYWORD_INDEX,
            ARCHIVE);

    @ArchTest
    static final ArchRule keywordIndexNeedsNoOtherSubsystem = needsNoneOf(KEYWORD_INDEX, PERSISTENCE, VECTOR_INDEX, ARCHIVE,
            MIGRATION);

    /** The outbox appends to the vector change log in the transaction of its event; the rest of the index is not its business. */
    @ArchTest
    static final ArchRule persistenceReachesTheIndexOnlyForItsChangeLog = noClasses()
            .that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat(describe("belong to the vector index but are not its change log",
                    type -> type.getPackageName().startsWith("io.ainstruct.adapter.postgres.vectorindex")
                            && !type.getSimpleName().startsWith("VectorChanges")));

    @ArchTest
    static final ArchRule mappedEntitiesAreNotPublic = classes()
            .that().areAnnotatedWith(MappedEntity.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule dataRepositoriesAreNotPublic = classes()
            .that().areInterfaces().and().areAssignableTo(GenericRepository.class)
            .should().notBePublic();

    private static ArchRule needsNoneOf(String subsystem, String... others) {
        return noClasses().that().resideInAPackage(subsystem).should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
