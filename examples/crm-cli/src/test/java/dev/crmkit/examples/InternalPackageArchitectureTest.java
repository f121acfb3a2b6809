package dev.crmkit.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * crm-core's {@code internal} package (values rebuilt without validation, for what a crmkit store wrote itself) over
 * every module this program is built from: crm-core, crm-pipeline, crm-metrics, crm-campaigns, crm-service, the
 * memory, JSON, JDBC and mail adapters, and the program itself. Only the in-memory store may use it. (crm-kit and the
 * Spring Boot starter are checked by the starter's own test of the same name.)
 */
class InternalPackageArchitectureTest {

    private static JavaClasses crmkit;

    @BeforeAll
    static void importMainClasses() {
        // jars included: in a reactor build the other modules are on the class path as jars after `package`
        crmkit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crmkit");
    }

    @Test
    void onlyTheInMemoryStoreUsesCoreInternals() {
        noClasses().that().resideOutsideOfPackages("dev.crmkit.core.internal..", "dev.crmkit.adapters.memory..")
                .should().dependOnClassesThat().resideInAPackage("dev.crmkit.core.internal..")
                .because("dev.crmkit.core.internal skips validation for values a crmkit store packed itself; every "
                        + "other module builds values through their validating factories")
                .check(crmkit);
    }

    @Test
    void importFoundEveryModule() {
        // guards the rule above against passing vacuously on a partial import
        for (String type : new String[] {"dev.crmkit.core.internal.StoredValues",
                "dev.crmkit.adapters.memory.PackedContacts", "dev.crmkit.adapters.jdbc.JdbcCrmStore",
                "dev.crmkit.pipeline.DefaultDealPipeline", "dev.crmkit.examples.cli.CrmCommand"}) {
            assertTrue(crmkit.contain(type), type);
        }
        assertTrue(crmkit.stream().anyMatch(c -> c.getPackageName().startsWith("dev.crmkit.metrics")));
        assertTrue(crmkit.stream().anyMatch(c -> c.getPackageName().startsWith("dev.crmkit.campaigns")));
        assertTrue(crmkit.stream().anyMatch(c -> c.getPackageName().startsWith("dev.crmkit.service")));
        assertTrue(crmkit.stream().anyMatch(c -> c.getPackageName().startsWith("dev.crmkit.adapters.json")));
        assertTrue(crmkit.stream().anyMatch(c -> c.getPackageName().startsWith("dev.crmkit.adapters.mail")));
    }
}
