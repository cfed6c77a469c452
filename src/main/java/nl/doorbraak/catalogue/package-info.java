/**
 * The catalogue of national rules: the regulations this programme's requests name, by their
 * identifier in the national legislation register (BWB) with the responsible ministry and the
 * rule domains they propose. Read by other modules through
 * {@link nl.doorbraak.catalogue.NationalRules}; the programme office maintains it through
 * {@code /api/v1/national-rules} (audited).
 */
@org.springframework.modulith.ApplicationModule(displayName = "National-rule catalogue",
        allowedDependencies = {"platform", "platform :: validation", "reference", "security", "audit"})
package nl.doorbraak.catalogue;
