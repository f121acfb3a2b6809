package dev.crmkit.campaigns;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.crmkit.campaigns.cap.FrequencyCaps;
import dev.crmkit.campaigns.trigger.YearlyTrigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module boundaries of crm-campaigns, as ARCHITECTURE.md draws them. */
class CampaignsArchitectureTest {

    private static JavaClasses campaigns;

    @BeforeAll
    static void importMainClasses() {
        campaigns = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.crmkit.campaigns");
    }

    @Test
    void dependsOnlyOnJdkCoreMetricsJMustacheAndItself() {
        ArchRule rule = classes().that().resideInAPackage("dev.crmkit.campaigns..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "org.slf4j..", "dev.crmkit.core..", "dev.crmkit.metrics..",
                        "com.samskivert.mustache..", "dev.crmkit.campaigns..")
                .because("crm-campaigns uses the JDK, crm-core, crm-metrics and the logic-less template engine the "
                        + "issue names (JMustache), nothing else at compile scope");

        rule.check(campaigns);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.crmkit.campaigns.(*)..")
                .should().beFreeOfCycles()
                .check(campaigns);
    }

    @Test
    void importFoundTheMainClasses() {
        // guards the rules above against passing vacuously on an empty import
        assertTrue(campaigns.contain(StandardCampaigns.class));
        assertTrue(campaigns.contain(YearlyTrigger.class));
        assertTrue(campaigns.contain(FrequencyCaps.class));
        assertFalse(campaigns.contain(CampaignsArchitectureTest.class));
    }
}
