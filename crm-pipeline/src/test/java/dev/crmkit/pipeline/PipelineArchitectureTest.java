package dev.crmkit.pipeline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.crmkit.pipeline.deal.Deal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module boundaries of crm-pipeline, as ARCHITECTURE.md draws them. */
class PipelineArchitectureTest {

    private static JavaClasses pipeline;

    @BeforeAll
    static void importMainClasses() {
        pipeline = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.crmkit.pipeline");
    }

    @Test
    void dependsOnlyOnJdkValidationLoggingCoreAndItself() {
        classes().that().resideInAPackage("dev.crmkit.pipeline..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..",
                        "org.slf4j..", "dev.crmkit.core..", "dev.crmkit.pipeline..")
                .because("the domain modules use the JDK, SLF4J's API, Jakarta Validation's API and crm-core only")
                .check(pipeline);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.crmkit.pipeline.(*)..").should().beFreeOfCycles().check(pipeline);
    }

    @Test
    void domainPackagesDoNotDependOnTheEntryPointPackage() {
        noClasses().that().resideInAPackage("dev.crmkit.pipeline.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.crmkit.pipeline")
                .because("only the entry point (DealPipeline, PipelineStore) lives in dev.crmkit.pipeline")
                .check(pipeline);
    }

    @Test
    void importFoundTheMainClasses() {
        assertTrue(pipeline.contain(DealPipeline.class));
        assertTrue(pipeline.contain(Deal.class));
        assertFalse(pipeline.contain(PipelineArchitectureTest.class));
    }
}
