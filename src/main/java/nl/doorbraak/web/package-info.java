/**
 * The application's own web pages, in Dutch: municipalities submit and follow their requests,
 * auditors and the programme office find cases and read their history, audit trail and process
 * path. Server-rendered (Thymeleaf) on top of the other modules' public services; no logic of
 * its own about requests or the audit trail. Form login with the same identities as the API and
 * Tasklist (see {@code security.SecurityConfiguration}).
 */
package nl.doorbraak.web;
