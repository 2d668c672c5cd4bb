/**
 * Integration tests of the deployed engine: real Payara Server Full, real PostgreSQL, real OpenMQ, real HTTP.
 * {@link io.kibly.engine.it.KiblyTestEnvironment} starts the environment once per run; each test class deploys
 * the EAR with Arquillian and talks to it as a client would. Tests use their own tenant so that they never see
 * each other's data.
 */
package io.kibly.engine.it;
