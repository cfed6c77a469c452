/**
 * Who the caller is and what they may do: authentication of API callers against the Camunda
 * identities, the security filter chains and headers, and the demo identities, groups,
 * authorizations and Tasklist filters seeded for the default profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package nl.doorbraak.security;
