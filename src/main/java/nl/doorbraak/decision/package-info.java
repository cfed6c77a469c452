/**
 * The decision stage and its follow-up: the director's decision with its outcome vocabulary,
 * Financiën's co-signature, the granted amount per budget line, the decision register and its
 * letters, the evaluation of experiments and exemptions and the yearly accountability of pooled
 * budgets; the server-side rules of their forms and the variables their tasks need.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions",
        allowedDependencies = {"platform", "platform :: validation", "reference", "catalogue", "security", "audit", "notification", "request", "assessment"})
package nl.doorbraak.decision;
