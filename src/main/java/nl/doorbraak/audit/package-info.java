/**
 * The tamper-evident audit trail: every engine history event and every application action,
 * appended in the transaction that causes it to one SHA-256 hash chain per case, sealed
 * periodically, verifiable online and offline, readable by auditors (docs/audit.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail",
        allowedDependencies = {"platform", "platform :: validation", "security"})
package nl.doorbraak.audit;
