/**
 * Reference data the product ships: the municipalities and focus areas of the programme, the
 * ministries and the rule domains they own. Seeded by Flyway, editable as data, read-only
 * through the API and through {@link nl.doorbraak.reference.ReferenceData} for other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data",
        allowedDependencies = {"platform"})
package nl.doorbraak.reference;
