package dev.crmkit.metrics;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.crmkit.metrics.funnel.Funnel;
import dev.crmkit.metrics.ltv.Ltv;
import dev.crmkit.metrics.order.OrderBook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module boundaries of crm-metrics, as ARCHITECTURE.md draws them. */
class MetricsArchitectureTest {

    private static JavaClasses metrics;

    @BeforeAll
    static void importMainClasses() {
        metrics = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.crmkit.metrics");
    }

    @Test
    void dependsOnlyOnJdkValidationLoggingCoreKernelAndItself() {
        ArchRule rule = classes().that().resideInAPackage("dev.crmkit.metrics..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "jakarta.validation..", "org.slf4j..", "dev.crmkit.core.kernel..",
                        "dev.crmkit.metrics..")
                .because("the domain modules use the JDK, SLF4J's API and Jakarta Validation's API and nothing else "
                        + "at compile scope; crm-metrics needs only crm-core's shared kernel");

        rule.check(metrics);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.crmkit.metrics.(*)..")
                .should().beFreeOfCycles()
                .check(metrics);
    }

    @Test
    void importFoundTheMainClasses() {
        // guards the rules above against passing vacuously on an empty import
        assertTrue(metrics.contain(OrderBook.class));
        assertTrue(metrics.contain(Ltv.class));
        assertTrue(metrics.contain(Funnel.class));
        assertFalse(metrics.contain(MetricsArchitectureTest.class));
    }
}
