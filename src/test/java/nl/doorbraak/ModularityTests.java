package nl.doorbraak;

import java.nio.file.Path;

import nl.doorbraak.support.GeneratedDocs;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DoorbraakApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    @Test
    void theCommittedModuleOverviewIsTheCodes() {
        GeneratedDocs.assertCurrent(Path.of("docs", "modules.md"), new ModuleDocumentation(modules).markdown());
    }
}
