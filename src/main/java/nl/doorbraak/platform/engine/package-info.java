/**
 * The embedded process engine's start-up and the patches that make it cheaper to run: Flyway
 * before the engine, FEEL expressions parsed once, query property reads cached, open incidents in
 * the health endpoint. Nothing here is called by other modules.
 */
package nl.doorbraak.platform.engine;
