/**
 * Who the caller is and what they may do: authentication of every channel against the Camunda
 * identities, one login throttle per user and source, the security filter chains and headers, the
 * guard on what the Camunda webapps may write, and the groups and their Camunda authorizations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"platform", "platform :: validation", "reference"})
package nl.doorbraak.security;
