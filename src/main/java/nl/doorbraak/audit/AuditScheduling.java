package nl.doorbraak.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the periodic seal of the audit trail ({@link AuditSeals}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling {
}
