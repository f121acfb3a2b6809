package dev.crmkit.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of crm-core, as ARCHITECTURE.md draws them. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importMainClasses() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.crmkit.core");
    }

    @Test
    void dependsOnlyOnJdkValidationLoggingPhoneNumbersAndItself() {
        ArchRule rule = classes().that().resideInAPackage("dev.crmkit.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "jakarta.validation..", "org.slf4j..", "com.google.i18n.phonenumbers..",
                        "org.apache.commons.text..", "org.apache.commons.codec..", "javax.crypto..",
                        "dev.crmkit.core..")
                .because("the domain modules use the JDK, SLF4J's API and Jakarta Validation's API (and crm-core "
                        + "libphonenumber, Commons Text and Commons Codec) and nothing else at compile scope; "
                        + "javax.crypto is the JDK's own HMAC, for the suppression list's salted hashes");

        rule.check(core);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.crmkit.core.(*)..")
                .should().beFreeOfCycles()
                .check(core);
    }

    @Test
    void domainPackagesDoNotDependOnTheEntryPointPackage() {
        noClasses().that().resideInAPackage("dev.crmkit.core.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.crmkit.core")
                .because("only the composition root (Crm, CrmStore) lives in dev.crmkit.core and it depends on the "
                        + "domain packages, never the other way round")
                .check(core);
    }

    @Test
    void onlyStoresRebuildValuesWithoutValidation() {
        noClasses().that().resideOutsideOfPackage("dev.crmkit.core.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.crmkit.core.internal..")
                .because("StoredValues skips validation for what a crmkit store wrote itself; crm-core's own code "
                        + "builds values through their validating factories (the rule over every module is "
                        + "InternalPackageArchitectureTest in examples/crm-cli and the Spring Boot starter)")
                .check(core);
    }

    @Test
    void importFoundTheMainClasses() {
        // guards the rules above against passing vacuously on an empty import
        org.junit.jupiter.api.Assertions.assertTrue(core.contain(Crm.class));
        org.junit.jupiter.api.Assertions.assertTrue(core.contain(dev.crmkit.core.kernel.Money.class));
        org.junit.jupiter.api.Assertions.assertFalse(core.contain(CoreArchitectureTest.class));
    }
}
