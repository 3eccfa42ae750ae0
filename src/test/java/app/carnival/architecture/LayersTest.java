package app.carnival.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of the README's "where to look" table, checked on the compiled main classes. */
class LayersTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.carnival");
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("app.carnival.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void pureRulesImportNoFrameworkPersistenceOrFetcher() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "app.carnival.matching..",
                        "app.carnival.content..",
                        "app.carnival.url..",
                        "app.carnival.feed.parse..",
                        "app.carnival.feed.schedule..",
                        "app.carnival.history..",
                        "app.carnival.xmlrpc..",
                        "app.carnival.chart..",
                        "app.carnival.announce.rules..",
                        "app.carnival.mail.rules..",
                        "app.carnival.websub.rules..",
                        "app.carnival.registration.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta.persistence..",
                        "jakarta.transaction..",
                        "jakarta.ws.rs..",
                        "jakarta.enterprise..",
                        "org.hibernate..",
                        "app.carnival.fetch..")
                .check(classes);
    }

    @Test
    void onlyTheWebEdgeImportsJaxRs() {
        noClasses()
                .that()
                .resideOutsideOfPackages("app.carnival.api..", "app.carnival.pages..", "app.carnival.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .check(classes);
    }

    @Test
    void nothingBelowTheEdgeDependsOnIt() {
        noClasses()
                .that()
                .resideOutsideOfPackages("app.carnival.api..", "app.carnival.pages..", "app.carnival.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("app.carnival.api..", "app.carnival.pages..", "app.carnival.web..")
                .check(classes);
    }

    @Test
    void theFetcherKnowsNothingOfTheDomainOrTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("app.carnival.fetch..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "app.carnival.api..",
                        "app.carnival.pages..",
                        "app.carnival.web..",
                        "app.carnival.errors..",
                        "app.carnival.series..",
                        "app.carnival.participant..",
                        "app.carnival.feed..",
                        "app.carnival.response..",
                        "app.carnival.roundup..")
                .check(classes);
    }
}
