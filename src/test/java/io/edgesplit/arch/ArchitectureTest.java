package io.edgesplit.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The centre (problem model, files, solutions, validator, schedule building, SPI, lower bounds) uses no solver library. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.edgesplit");

    static final String[] CENTRE = {"io.edgesplit.model..", "io.edgesplit.io..", "io.edgesplit.solution..",
            "io.edgesplit.validate..", "io.edgesplit.schedule..", "io.edgesplit.solver..", "io.edgesplit.bound.."};

    @Test
    void theCentreIsFreeOfOrToolsAndChoco() {
        noClasses().that().resideInAnyPackage(CENTRE)
                .should().dependOnClassesThat().resideInAnyPackage("com.google.ortools..", "org.chocosolver..")
                .check(MAIN);
    }

    @Test
    void theCentreDoesNotDependOnBackendsOrTheCli() {
        noClasses().that().resideInAnyPackage(CENTRE)
                .should().dependOnClassesThat().resideInAnyPackage("io.edgesplit.backend..", "io.edgesplit.cli..",
                        "io.edgesplit.bench..", "io.edgesplit.report..")
                .check(MAIN);
    }

    /** The simulator (docs/dynamic.md) treats every backend alike: it reaches them only through the registry. */
    @Test
    void theSimulatorReachesBackendsOnlyThroughTheRegistry() {
        noClasses().that().resideInAPackage("io.edgesplit.dynamic")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.ortools..", "org.chocosolver..",
                        "io.edgesplit.backend..", "io.edgesplit.cli..")
                .check(MAIN);
    }

    /** The public API (docs/api.md) reaches backends only through the registry, so it is as light as the centre. */
    @Test
    void thePublicApiReachesBackendsOnlyThroughTheRegistry() {
        noClasses().that().resideInAPackage("io.edgesplit.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.ortools..", "org.chocosolver..",
                        "io.edgesplit.backend..", "io.edgesplit.cli..", "io.edgesplit.bench..", "io.edgesplit.report..")
                .check(MAIN);
    }

    @Test
    void theValidatorSharesNoCodeWithScheduleBuilding() {
        noClasses().that().resideInAPackage("io.edgesplit.validate..")
                .should().dependOnClassesThat().resideInAnyPackage("io.edgesplit.schedule..", "io.edgesplit.backend..")
                .check(MAIN);
    }

    @Test
    void backendsDoNotDependOnEachOtherExceptThroughTheCentre() {
        for (String b : new String[]{"local", "bruteforce", "cpsat", "choco", "medag", "medagils", "decoupled", "heft", "random", "edgeonly", "neurosurgeon"})
            noClasses().that().resideInAPackage("io.edgesplit.backend." + b + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.edgesplit.cli..", "io.edgesplit.bench..")
                    .allowEmptyShould(true)
                    .check(MAIN);
    }

    @Test
    void theRulesCanFail() {
        // The same rule applied to the cpsat backend must find its OR-Tools dependency.
        assertTrue(noClasses().that().resideInAPackage("io.edgesplit.backend.cpsat..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.ortools..")
                .evaluate(MAIN).hasViolation());
    }
}
