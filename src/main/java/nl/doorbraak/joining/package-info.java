/**
 * Joining an existing breakthrough ("aansluiten", docs/joining.md): a municipality asks to apply a
 * granted experiment or exemption of another focus area to its own. The request itself (kind
 * {@code join}, its rules and content) is in the request module; this module owns the shorter path
 * of {@code processes/join-request.bpmn}: the rules of its three task forms, the confirmation by the
 * ministry responsible for the original's rule, the rejections without a director's decision, the
 * original decision as the tasks and pages show it, and the list of breakthroughs that can be joined.
 * It answers the request module's question what was decided on a precedent ({@code PrecedentDecisions}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Joining",
        allowedDependencies = {"platform", "platform :: validation", "reference", "security", "audit",
                "notification", "request", "decision"})
package nl.doorbraak.joining;
