package org.topograd;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph the README's Layout draws, held as rules over topograd's own classes (tests
 * left out): a forbidden import fails here, with the class and the line that made it.
 */
@AnalyzeClasses(packages = "org.topograd", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The student contract stands alone: students compile against it and nothing else. */
    @ArchTest
    static final ArchRule apiDependsOnNothingOfOurs = classes().that().resideInAPackage("org.topograd.api..")
            .should().onlyDependOnClassesThat(resideInAPackage("org.topograd.api..")
                    .or(resideOutsideOfPackage("org.topograd..")));

    /** The worker runs beside student code, with only the API and itself on its class path. */
    @ArchTest
    static final ArchRule workerDependsOnlyOnTheApi = classes().that().resideInAPackage("org.topograd.worker..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.topograd.worker..", "org.topograd.api..",
                    "java..");

    /** The student kit's code never reaches the reference engine or the mutants: they would give the answers away. */
    @ArchTest
    static final ArchRule theKitNeverReachesTheAnswers = noClasses().that().resideInAPackage("org.topograd.kit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.topograd.engine..", "org.topograd.diagnosis..",
                    "org.topograd.bench..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.topograd.grading.ReferenceAnswers");

    /** The command line is the only place that knows picocli: the work is testable without it. */
    @ArchTest
    static final ArchRule onlyTheCommandLineKnowsPicocli = noClasses().that().resideOutsideOfPackage(
            "org.topograd.cli..").should().dependOnClassesThat().resideInAPackage("picocli..");

    /** No package depends on itself through others. */
    @ArchTest
    static final ArchRule noCycles = slices().matching("org.topograd.(*)..").should().beFreeOfCycles();
}
