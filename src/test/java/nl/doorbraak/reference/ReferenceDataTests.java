package nl.doorbraak.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import nl.doorbraak.support.PostgresModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference data served from memory answers as the tables do. The module stands alone: the
 * test starts it (and the engine and database the application runs on) without any other
 * module of the application.
 */
@PostgresModuleTest
class ReferenceDataTests {

    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationContext context;

    @Test
    void startsWithoutTheOtherModules() {
        assertThat(context.getBeansOfType(ReferenceController.class)).hasSize(1);
        for (String bean : context.getBeanDefinitionNames()) {
            String type = String.valueOf(context.getType(bean));
            assertThat(type).as(bean).satisfiesAnyOf(
                    own -> assertThat(own).doesNotContain("nl.doorbraak."),
                    own -> assertThat(own).contains("nl.doorbraak.reference."),
                    own -> assertThat(own).contains("nl.doorbraak.DoorbraakApplication"));
        }
    }

    @Test
    void listsAreTheTablesInTheDatabasesOrder() {
        assertThat(referenceData.municipalities()).isEqualTo(jdbc.sql(
                "SELECT code, name, official_name FROM municipality ORDER BY name, code").query(Municipality.class).list());
        assertThat(referenceData.focusAreas()).isEqualTo(jdbc.sql(
                "SELECT code, name, municipality_code FROM focus_area ORDER BY name, code").query(FocusArea.class).list());
        assertThat(referenceData.ministries()).isEqualTo(jdbc.sql(
                "SELECT code, abbreviation, name FROM ministry ORDER BY code").query(Ministry.class).list());
        assertThat(referenceData.ruleDomains()).isEqualTo(jdbc.sql(
                "SELECT code, name, typical_rules, ministry_code FROM rule_domain ORDER BY code").query(RuleDomain.class).list());
        assertThat(referenceData.regulations()).isEqualTo(jdbc.sql(
                "SELECT code, name, ministry_code FROM regulation ORDER BY ministry_code, code").query(Regulation.class).list());
        assertThat(referenceData.regulations()).isNotEmpty();
    }

    @Test
    void findsEachRowByItsCodeAndNothingForOtherCodes() {
        referenceData.municipalities().forEach(m -> assertThat(referenceData.municipality(m.code())).contains(m));
        referenceData.focusAreas().forEach(f -> assertThat(referenceData.focusArea(f.code())).contains(f));
        referenceData.ministries().forEach(m -> assertThat(referenceData.ministry(m.code())).contains(m));
        referenceData.ruleDomains().forEach(d -> assertThat(referenceData.ruleDomain(d.code())).contains(d));
        referenceData.regulations().forEach(r -> assertThat(referenceData.regulation(r.code())).contains(r));

        for (String code : new String[] {null, "", "unknown", "SZW", "szw ", "599", "0599 "}) {
            assertThat(referenceData.ministry(code)).as("ministry %s", code).isEmpty();
            assertThat(referenceData.municipality(code)).as("municipality %s", code).isEmpty();
            assertThat(referenceData.focusArea(code)).isEmpty();
            assertThat(referenceData.ruleDomain(code)).isEmpty();
            assertThat(referenceData.regulation(code)).isEmpty();
        }
    }

    @Test
    void focusAreasOfAMunicipalityAreItsOwnInOrder() {
        for (Municipality municipality : referenceData.municipalities()) {
            List<FocusArea> expected = jdbc.sql("SELECT code, name, municipality_code FROM focus_area "
                    + "WHERE municipality_code = ? ORDER BY name, code").param(municipality.code()).query(FocusArea.class).list();
            assertThat(referenceData.focusAreasOf(municipality.code())).isEqualTo(expected).isNotEmpty();
        }
        assertThat(referenceData.focusAreasOf("9999")).isEmpty();
    }

    /** Reference data changes with a release; a change in the running database is not read again. */
    @Test
    void isReadOnceAndNotAgainPerLookup() {
        String name = referenceData.ministry("szw").orElseThrow().name();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            jdbc.sql("UPDATE ministry SET name = 'Gewijzigd' WHERE code = 'szw'").update();
            assertThat(referenceData.ministry("szw").orElseThrow().name()).isEqualTo(name);
            assertThat(referenceData.ministries()).extracting(Ministry::name).doesNotContain("Gewijzigd");
            status.setRollbackOnly();
        });
    }
}
