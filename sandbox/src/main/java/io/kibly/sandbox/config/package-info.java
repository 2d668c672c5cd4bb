/**
 * The sandbox's settings: immutable snapshots read from system properties and the environment at start, and
 * replaced as a whole when the admin endpoint changes them at run time.
 */
package io.kibly.sandbox.config;
