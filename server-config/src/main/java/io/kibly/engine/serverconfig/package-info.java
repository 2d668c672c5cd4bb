/**
 * Provisions and runs the engine's server environment with nothing installed by hand: a PostgreSQL (the
 * configured one, or an embedded real PostgreSQL whose data survives restarts), a Payara Server Full domain
 * configured only by the asadmin scripts in {@code src/main/asadmin}, and the deployed EAR.
 * {@link io.kibly.engine.serverconfig.Kibly} is the command line behind {@code ./kibly}; the integration tests
 * use {@link io.kibly.engine.serverconfig.KiblyEnvironment} to bring up the same environment once per run.
 */
package io.kibly.engine.serverconfig;
