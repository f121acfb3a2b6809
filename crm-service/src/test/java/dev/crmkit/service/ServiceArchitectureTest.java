package dev.crmkit.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.crmkit.service.schedule.ServiceSchedule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module boundaries of crm-service, as ARCHITECTURE.md draws them: crm-core and the JDK only. */
class ServiceArchitectureTest {

    private static JavaClasses service;

    @BeforeAll
    static void importMainClasses() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.crmkit.service");
    }

    @Test
    void dependsOnlyOnJdkValidationLoggingCoreAndItself() {
        ArchRule rule = classes().that().resideInAPackage("dev.crmkit.service..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.validation..",
                        "org.slf4j..", "dev.crmkit.core..", "dev.crmkit.service..")
                .because("the domain modules use the JDK, SLF4J's API, Jakarta Validation's API and crm-core only");
        rule.check(service);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.crmkit.service.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void importFoundTheMainClasses() {
        // guards the rules above against passing vacuously on an empty import
        assertTrue(service.contain(ServiceSchedule.class));
        assertFalse(service.contain(ServiceArchitectureTest.class));
    }
}
