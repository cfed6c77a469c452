/**
 * Decisions (besluiten) on requests and their register: recording the decision with its
 * mandatory rationale, the decision letter, and the follow-up of granted experiments and
 * exemptions (evaluation delivered, evaluation assessed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
package nl.doorbraak.decision;
