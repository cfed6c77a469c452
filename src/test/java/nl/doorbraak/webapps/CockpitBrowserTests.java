package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/** An auditor in Camunda Cockpit, in a real (headless) Chromium: reads everything, changes nothing. */
@PostgresIntegrationTest
class CockpitBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Test
    void anAuditorSeesTheProcessInstancesAndCannotChangeAnything() {
        String reference = submit(new Http(port), TestUsers.ROTTERDAM,
                ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        CockpitPage cockpit = new CockpitPage(browser);

        cockpit.login(TestUsers.AUDITOR);
        browser.step("dashboard");
        assertThat(cockpit.header()).contains("Doorbraak Cockpit");
        assertThat(cockpit.migrationBannerShown()).isFalse();

        cockpit.openProcess("Verzoek om regelaanpassing");
        browser.step("process-instances");
        assertThat(cockpit.instanceBusinessKeys()).contains(reference);

        String outcome = cockpit.trySuspendingTheProcessDefinition();
        browser.step("suspension-refused");
        // refused before the engine: an auditor writes nothing through any webapp (security.WebappWriteRules)
        assertThat(outcome).contains("could not be updated")
                .contains("Uw rol kan alleen lezen: in Tasklist, Cockpit en Admin kunt u niets wijzigen.");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("rule-change-request").suspended().count()).isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .active().count()).isEqualTo(1);
    }
}
