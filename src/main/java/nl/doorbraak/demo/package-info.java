/**
 * The quick start's demo: one user per role with the demo password ({@code doorbraak.demo.enabled},
 * on in the default profile) and five demo requests moved along through the real processes
 * ({@code doorbraak.demo.cases}). Nothing depends on this module; with both switched off it does nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"reference", "security", "request", "assessment"})
package nl.doorbraak.demo;
