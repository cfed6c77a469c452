package nl.doorbraak;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * docs/modules.md as the code has it: the modules from the bottom up, the graph of their direct
 * dependencies (Mermaid, which the repository host renders) and each module's public types.
 */
final class ModuleDocumentation {

    private final ApplicationModules modules;

    ModuleDocumentation(ApplicationModules modules) {
        this.modules = modules;
    }

    String markdown() {
        List<ApplicationModule> bottomUp = modules.stream()
                .sorted(Comparator.comparingLong((ApplicationModule module) -> module.getAllDependencies(modules)
                        .uniqueModules().count()).thenComparing(ApplicationModule::getName))
                .toList();
        StringBuilder out = new StringBuilder("""
                # Modules

                Generated from the code by `ModularityTests` (which fails when this file is out of date;
                `./mvnw test -Dtest=ModularityTests -Ddoorbraak.docs.write=true` writes it again). Each module
                is one package under `nl.doorbraak`; its public types are what other modules may use, and its
                `package-info.java` names the modules it may depend on. [architecture.md](architecture.md)
                says what each module does and where to find a behaviour.

                ```mermaid
                flowchart BT
                """);
        for (ApplicationModule module : bottomUp) {
            for (ApplicationModule target : dependencies(module)) {
                out.append("    ").append(module.getName()).append(" --> ").append(target.getName()).append('\n');
            }
        }
        out.append("```\n\n| module | package | depends on | public types |\n|---|---|---|---|\n");
        for (ApplicationModule module : bottomUp) {
            out.append("| ").append(module.getDisplayName())
                    .append(" | `").append(module.getBasePackage().getName()).append('`')
                    .append(" | ").append(dependencies(module).stream().map(ApplicationModule::getName)
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(publicTypes(module)).append(" |\n");
        }
        return out.toString();
    }

    private List<ApplicationModule> dependencies(ApplicationModule module) {
        return module.getDirectDependencies(modules).uniqueModules()
                .sorted(Comparator.comparing(ApplicationModule::getName)).toList();
    }

    private static String publicTypes(ApplicationModule module) {
        StringBuilder types = new StringBuilder();
        List<NamedInterface> interfaces = module.getNamedInterfaces().stream()
                .sorted(Comparator.comparing(NamedInterface::isNamed).thenComparing(NamedInterface::getName)).toList();
        for (NamedInterface named : interfaces) {
            String names = named.asJavaClasses().filter(JavaClass::isTopLevelClass).map(JavaClass::getSimpleName)
                    .sorted().distinct().collect(Collectors.joining(", "));
            if (names.isEmpty()) {
                continue;
            }
            if (!types.isEmpty()) {
                types.append("; ");
            }
            types.append(named.isUnnamed() ? "" : "*" + named.getName() + ":* ").append(names);
        }
        return types.isEmpty() ? "—" : types.toString();
    }
}
