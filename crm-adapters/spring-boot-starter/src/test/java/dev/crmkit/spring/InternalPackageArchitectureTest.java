package dev.crmkit.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * crm-core's {@code internal} package over the modules crm-cli does not see: the starter and crm-kit (crm-cli's test
 * of the same name checks the others). Only the in-memory store may use it.
 */
class InternalPackageArchitectureTest {

    @Test
    void neitherTheStarterNorTheKitUsesCoreInternals() {
        JavaClasses starterAndKit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.crmkit.spring", "dev.crmkit.kit");
        assertTrue(starterAndKit.contain(CrmkitAutoConfiguration.class), "the starter was imported");
        assertTrue(starterAndKit.stream().anyMatch(c -> c.getPackageName().startsWith("dev.crmkit.kit")),
                "crm-kit was imported");

        noClasses().should().dependOnClassesThat().resideInAPackage("dev.crmkit.core.internal..")
                .because("dev.crmkit.core.internal skips validation for values a crmkit store packed itself")
                .check(starterAndKit);
    }
}
